import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Colour and language are pinned so exact output can be asserted.
    env: { NO_COLOR: '1', FORCE_COLOR: '0', LANG: 'C', LC_ALL: 'C' },
  },
});
