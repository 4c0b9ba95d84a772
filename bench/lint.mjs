// The lint table of the README in one run: on generated sites shaped like a real meetup blog (1,000 and
// 10,000 posts), the I/O floor (read every post, stat every file), meetup-note's first run (no lint cache,
// as CI without a saved cache) on one thread and on the machine's threads, its run with the lint cache,
// markdownlint-cli2 and remark + remark-validate-links (at 1,000 posts: they take minutes on 10,000), wall
// time and peak RSS; then the one-post cases against a bare `node -e 0`.
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
const PEERS_UP_TO = 1000;

if (!fs.existsSync(path.join(peers, 'node_modules', '.bin', 'markdownlint-cli2'))) {
  console.log('installing the peers into bench/.peers ...');
  fs.mkdirSync(peers, { recursive: true });
  fs.writeFileSync(path.join(peers, 'package.json'), '{ "private": true }\n');
  const packages = ['markdownlint-cli2@0.22.1', 'remark-cli@12.0.1', 'remark-validate-links@13.1.0'];
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packages], {
    cwd: peers,
    stdio: 'inherit',
  });
}
const bin = (name) => path.join(peers, 'node_modules', '.bin', name);

/** The posts under a folder (for the fresh-clone case). */
function listPosts(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}

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

/**
 * Each case `runs` times, round-robin, after one untimed run (file cache, term cache); `before` runs untimed; a
 * case may run in another folder than `cwd`.
 */
function sample(cases, cwd, env) {
  for (const [, command, args, extra, , at] of cases) measure(command, args, at ?? cwd, { ...env, ...extra });
  const samples = new Map(cases.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, command, args, extra, before, at] of cases) {
      before?.();
      samples.get(name).push(measure(command, args, at ?? cwd, { ...env, ...extra }));
    }
  }
  return new Map(
    [...samples].map(([name, list]) => [
      name,
      { ms: median(list.map((s) => s.ms)), mib: Math.max(...list.map((s) => s.mib)) },
    ]),
  );
}

const rows = [];
const row = (what, size, got, base, baseName) => {
  const ratio = `${(got.ms / base).toFixed(2)}x ${baseName}`;
  rows.push(`| ${what} | ${size} | ${Math.round(got.ms)} ms | ${got.mib.toFixed(0)} MiB | ${ratio} |`);
};

const bare = sample([['node -e 0', node, ['-e', '0']]], REPO, {}).get('node -e 0');
const example = path.join(REPO, 'examples', 'site');
const small = sample(
  [['one post, small site', node, [BIN, 'lint', path.join(example, 'content', 'blog', 'denago_3.md')]]],
  example,
  { XDG_CACHE_HOME: fs.mkdtempSync(path.join(REPO, 'bench', '.sites', 'cache-')) },
).get('one post, small site');
row('meetup-note lint, one post (examples/site)', '-', small, bare.ms, '`node -e 0`');

for (const size of sizes) {
  const site = path.join(REPO, 'bench', '.sites', `site-${size}`);
  if (!fs.existsSync(path.join(site, '.git'))) {
    console.log(`generating ${size} posts in ${path.relative(REPO, site)} ...`);
    fs.mkdirSync(path.dirname(site), { recursive: true });
    generateSite(site, size);
  }
  const clone = `${site}-clone`;
  if (!fs.existsSync(clone)) fs.cpSync(site, clone, { recursive: true });
  const cache = fs.mkdtempSync(path.join(REPO, 'bench', '.sites', 'cache-'));
  const env = { XDG_CACHE_HOME: cache, NO_COLOR: '1' };
  const out = ['--format', 'json', '-o', path.join(cache, 'out.json')];
  // A first run (CI without a saved cache): the lint cache is removed before each, the other caches stay.
  const cold = (extra) => [
    '/bin/sh',
    ['-c', `rm -f "$XDG_CACHE_HOME"/meetup-note/lint-* && exec "$0" "$@"`, node, BIN, 'lint', ...out],
    extra,
  ];
  const cases = [
    ['floor', node, [path.join(REPO, 'bench', 'floor.mjs'), site]],
    ['meetup-note lint, whole site, first run, one thread', ...cold({ MEETUP_NOTE_THREADS: '1' })],
    ['meetup-note lint, whole site, first run', ...cold({})],
    ['meetup-note lint, whole site, lint cache', node, [BIN, 'lint', ...out]],
    // A fresh clone with the cache restored (CI with actions/cache): every post has a new mtime, same bytes. On a
    // copy of the site (its own cache file), so that the other cases keep their mtimes.
    [
      'meetup-note lint, whole site, lint cache, fresh clone',
      node,
      [BIN, 'lint', ...out],
      // Its own cache folder: the first-run cases remove the lint caches of theirs.
      { XDG_CACHE_HOME: fs.mkdtempSync(path.join(REPO, 'bench', '.sites', 'cache-')) },
      () => {
        const now = new Date();
        for (const post of listPosts(path.join(clone, 'content'))) fs.utimesSync(post, now, now);
        // As a checkout leaves it: git's index knows the new mtimes (else every later git call hashes the posts).
        execFileSync('git', ['update-index', '-q', '--refresh'], { cwd: clone });
      },
      clone,
    ],
  ];
  if (size <= PEERS_UP_TO) {
    cases.push(['markdownlint-cli2', node, [bin('markdownlint-cli2'), 'content/**/*.md']]);
    const remark = [
      bin('remark'),
      'content',
      '--use',
      'remark-validate-links',
      '--quiet',
      '--no-config',
      '--no-ignore',
    ];
    cases.push(['remark + validate-links', node, remark]);
  }
  cases.push([
    'meetup-note lint, one post (pre-commit, warm cache)',
    node,
    [BIN, 'lint', 'content/posts/p00002/index.md'],
  ]);
  const got = sample(cases, site, env);
  const floor = got.get('floor');
  for (const [name] of cases) {
    if (name.includes('one post')) row(name, size, got.get(name), bare.ms, '`node -e 0`');
    else row(name === 'floor' ? 'I/O floor (read posts, stat files)' : name, size, got.get(name), floor.ms, 'floor');
  }
  fs.rmSync(cache, { recursive: true, force: true });
}
console.log(
  `\nNode ${process.version}, ${runs} runs each (median wall time, peak RSS); node -e 0: ${Math.round(bare.ms)} ms\n`,
);
console.log('| run | posts | time | peak RSS | ratio |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
