// Builds dist/ from src/: one small entry (cli.js) and a chunk per command, loaded only when run.
// Dependencies stay in node_modules; a clean dist/ each time, so no stale chunk is shipped.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts', 'src/deps.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  logLevel: 'warning',
});
