// Whole-site and one-post lint, and the tags report, on generated sites of 1,000 and 10,000 posts, side by side with
// markdownlint-cli2, remark-cli + remark-validate-links, and the I/O floor (read every post, stat every file).
// Usage: node bench/lint.mjs [sizes=1000,10000] [runs=3]
// The peers are installed into bench/.peers on first use (npm registry); the sites into bench/.sites.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateSite } from './generate-site.mjs';
import { BIN, REPO, median } from './lib.mjs';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 3);
const peers = path.join(REPO, 'bench', '.peers');
const node = process.execPath;

if (!fs.existsSync(path.join(peers, 'node_modules', '.bin', 'markdownlint-cli2'))) {
  console.log('installing the peers into bench/.peers ...');
  fs.mkdirSync(peers, { recursive: true });
  fs.writeFileSync(path.join(peers, 'package.json'), '{ "private": true }\n');
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      'markdownlint-cli2@0.22.1',
      'remark-cli@12.0.1',
      'remark-validate-links@13.1.0',
    ],
    { cwd: peers, stdio: 'inherit' },
  );
}
const bin = (name) => path.join(peers, 'node_modules', '.bin', name);

/** Wall time (ms) and peak RSS (MiB), from GNU time. */
function measure(command, args, cwd, env = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1024 * 1024 * 1024,
  });
  const last = result.stderr.trim().split('\n').at(-1);
  const [seconds, kib] = last.split(' ').map(Number);
  return { ms: seconds * 1000, mib: kib / 1024, status: result.status };
}

function row(name, samples, floor) {
  const ms = median(samples.map((s) => s.ms));
  const mib = Math.max(...samples.map((s) => s.mib));
  return (
    `${name.padEnd(34)} ${String(Math.round(ms)).padStart(7)} ms  ${mib.toFixed(0).padStart(5)} ` +
    `MiB${floor ? `  ${(ms / floor).toFixed(2)}x floor` : ''}`
  );
}

const summary = {};
for (const size of sizes) {
  const site = path.join(REPO, 'bench', '.sites', `site-${size}`);
  if (!fs.existsSync(path.join(site, '.git'))) {
    console.log(`generating ${size} posts in ${path.relative(REPO, site)} ...`);
    generateSite(site, size);
  }
  const cache = fs.mkdtempSync(path.join(REPO, 'bench', '.sites', 'cache-'));
  const env = { XDG_CACHE_HOME: cache, NO_COLOR: '1' };
  const cases = [
    ['floor (read posts, stat files)', node, [path.join(REPO, 'bench', 'floor.mjs'), site]],
    ['meetup-note lint (whole site)', node, [BIN, 'lint', '--format', 'json', '-o', path.join(cache, 'out.json')]],
    ['markdownlint-cli2', node, [bin('markdownlint-cli2'), 'content/**/*.md']],
    [
      'remark + validate-links',
      node,
      [bin('remark'), 'content', '--use', 'remark-validate-links', '--quiet', '--no-config', '--no-ignore'],
    ],
  ];
  const one = ['meetup-note lint (one post)', node, [BIN, 'lint', 'content/posts/p00002/index.md']];
  const tags = [
    ['meetup-note tags (term cache)', node, [BIN, 'tags', '--format', 'json']],
    ['meetup-note tags --no-cache', node, [BIN, 'tags', '--format', 'json', '--no-cache']],
  ];
  // Warm the file cache and meetup-note's term cache once, untimed.
  for (const [, command, args] of [...cases, one, ...tags]) measure(command, args, site, env);
  const samples = new Map();
  for (let i = 0; i < runs; i++) {
    for (const [name, command, args] of [...cases, one, ...tags]) {
      const sample = measure(command, args, site, env);
      samples.set(name, [...(samples.get(name) ?? []), sample]);
    }
  }
  const floor = median(samples.get(cases[0][0]).map((s) => s.ms));
  console.log(`\n${size} posts (${runs} runs, median wall time, peak RSS), Node ${process.version}`);
  for (const [name] of [...cases, one, ...tags])
    console.log(row(name, samples.get(name), name.includes('one post') ? undefined : floor));
  summary[size] = median(samples.get(cases[1][0]).map((s) => s.ms));
  fs.rmSync(cache, { recursive: true, force: true });
}
if (summary[1000] && summary[10000])
  console.log(
    `\nscaling: 10,000 posts take ${(summary[10000] / summary[1000]).toFixed(1)}x the time of 1,000 (10x is linear)`,
  );
