// Helpers for the bench scripts: run commands many times, interleaved, and report medians.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/meetup-note.js', import.meta.url));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs one command once; returns wall time in ms and peak RSS in MiB (from /usr/bin/time when present). */
export function timeOnce(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (options.expectStatus !== undefined && result.status !== options.expectStatus) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

/** Times each case `runs` times, round-robin so drift in machine load hits all alike; `before` runs untimed. */
export function compare(cases, runs) {
  const times = new Map(cases.map((c) => [c.name, []]));
  for (const c of cases) {
    c.before?.();
    timeOnce(c.command, c.args, c.options); // warm the file cache
  }
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      c.before?.();
      times.get(c.name).push(timeOnce(c.command, c.args, c.options));
    }
  }
  return cases.map((c) => ({ name: c.name, median: median(times.get(c.name)), min: Math.min(...times.get(c.name)) }));
}

export function table(rows, baseline) {
  const base = rows.find((r) => r.name === baseline).median;
  const width = Math.max(...rows.map((r) => r.name.length));
  return rows
    .map(
      (r) =>
        `${r.name.padEnd(width)}  median ${r.median.toFixed(1).padStart(7)} ms  min ${r.min.toFixed(1).padStart(7)} ` +
        `ms  ${(r.median / base).toFixed(2)}x ${baseline}`,
    )
    .join('\n');
}
