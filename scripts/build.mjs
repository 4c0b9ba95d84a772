// Builds dist/ from src/: one small entry (cli.js) and a chunk per command, loaded only when run.
// Dependencies stay in node_modules; a clean dist/ each time, so no stale chunk is shipped.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// A digest of the sources: the lint cache does not reuse the findings of another build (src/lint/result-cache.ts).
const sources = createHash('sha256');
for (const file of readdirSync('src', { recursive: true }).map(String).sort()) {
  if (file.endsWith('.ts')) sources.update(file).update(readFileSync(path.join('src', file)));
}
const buildId = sources.digest('hex').slice(0, 16);

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
  define: { __BUILD_ID__: JSON.stringify(buildId) },
});
