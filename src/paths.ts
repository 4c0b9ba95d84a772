import { fileURLToPath } from 'node:url';

/**
 * The package folder (with package.json and templates/). This file sits one level below it both as
 * source (src/paths.ts) and when built (dist/*.js), so keep it at the top of src/.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
