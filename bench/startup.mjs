// Start-up of the commands that run often (--version, new --yes --dry-run, lint of one post on
// every commit), against a bare `node -e 0`, as ratios of medians.
// Usage: node bench/startup.mjs [runs]   (after `npm install`, which builds)
import path from 'node:path';
import { BIN, REPO, compare, table } from './lib.mjs';

const runs = Number(process.argv[2] ?? 40);
const site = path.join(REPO, 'examples', 'site');
const node = process.execPath;

const rows = compare(
  [
    { name: 'node -e 0', command: node, args: ['-e', '0'] },
    { name: 'meetup-note --version', command: node, args: [BIN, '--version'], options: { expectStatus: 0 } },
    {
      name: 'new --yes --dry-run',
      command: node,
      args: [BIN, 'new', '--yes', '--dry-run', '--title', 'bench', '--slug', 'bench', '-C', site],
      options: { expectStatus: 0 },
    },
    {
      name: 'lint (one post)',
      command: node,
      args: [BIN, 'lint', path.join(site, 'content', 'blog', 'denago_3.md')],
      options: {
        expectStatus: 0,
        env: { ...process.env, XDG_CACHE_HOME: path.join(REPO, 'bench', '.sites', 'cache-startup') },
      },
    },
  ],
  runs,
);
console.log(`start-up, ${runs} runs each, Node ${process.version}`);
console.log(table(rows, 'node -e 0'));
