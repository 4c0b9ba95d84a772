// Errors word their English `message` from the catalog once it is loaded (src/errors.ts): production loads it
// before printing; tests that read `error.message` of a lower layer (io, config) load it here.
import '../src/i18n/messages.js';
