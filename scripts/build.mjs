// Builds dist/ from src/: one small entry (cli.js) and a chunk per command, loaded only when run.
// Dependencies stay in node_modules; a clean dist/ each time, so no stale chunk is shipped.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The lint worker is an entry of its own: worker threads start from a file (src/lint/threads.ts).
  entryPoints: { cli: 'src/cli.ts', deps: 'src/deps.ts', 'lint-worker': 'src/lint/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  logLevel: 'warning',
});
