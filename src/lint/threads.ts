/**
 * A whole-site run over worker threads. The post phase of each post is independent (post-phase.ts), so
 * the posts are handed out in batches to the main thread and to workers, one per other core; the site
 * rules run after, on the main thread. Below a size where it pays (a worker loads the modules again, about
 * 60 ms), or on one core, the main thread does it all.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Worker as WorkerType } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { EnabledRule, SiteSnapshot } from './core.js';
import { WORKER_THRESHOLD } from './run.js';
import { type Linted, reviveLinted } from './phase-pack.js';
import type { Severity } from './types.js';

const BATCH = 100;

/** What a worker is started with: all it needs to build the snapshot of the post phase. */
export interface WorkerSetup {
  site: SiteConfig;
  listings: [string, string[]][];
  rules: [id: string, severity: Severity][];
  now: number;
  /** Keep each post's file lookups (for the lint cache). */
  record: boolean;
  /** Pack each post phase (a large run). */
  pack: boolean;
}

/** How many threads lint this many posts: MEETUP_NOTE_THREADS, else the cores when there are enough posts. */
export function threadsFor(posts: number, env: Deps['env']): number {
  const asked = Number(env.MEETUP_NOTE_THREADS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return posts >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 1;
}

/** The worker's module, built beside the CLI; undefined when running from the sources (tests of the core). */
function workerFile(): string | undefined {
  const file = path.join(PACKAGE_ROOT, 'dist', 'lint-worker.js');
  return existsSync(file) ? file : undefined;
}

/**
 * The post phase of every target, in their order, shared between this thread (`one`) and `threads - 1`
 * workers; undefined when workers cannot be started (then the caller lints on this thread).
 */
export async function lintInWorkers(
  targets: string[],
  threads: number,
  setup: {
    snapshot: SiteSnapshot;
    postRules: EnabledRule[];
    listings: Map<string, string[]> | undefined;
    record: boolean;
    pack: boolean;
  },
  one: (file: string) => Promise<Linted>,
): Promise<Linted[] | undefined> {
  const file = workerFile();
  if (!file) return undefined;
  const { Worker } = await import('node:worker_threads');
  const workerData: WorkerSetup = {
    site: setup.snapshot.site,
    listings: [...(setup.listings ?? [])],
    rules: setup.postRules.map(({ rule, severity }) => [rule.meta.id, severity]),
    now: setup.snapshot.now.getTime(),
    record: setup.record,
    pack: setup.pack,
  };
  const phases: Linted[] = new Array(targets.length);
  let next = 0;
  const take = (): [number, string[]] | undefined => {
    if (next >= targets.length) return undefined;
    const start = next;
    next = Math.min(targets.length, next + BATCH);
    return [start, targets.slice(start, next)];
  };
  const workers: WorkerType[] = [];
  try {
    for (let i = 1; i < threads; i++) workers.push(new Worker(file, { workerData }));
  } catch {
    // A config that cannot cross to a thread, or no threads at all: this thread lints alone.
    for (const worker of workers) void worker.terminate();
    return undefined;
  }
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        // Two batches in flight: the worker starts the next while this thread takes in what it sent.
        const inFlight: [number, string[]][] = [];
        const send = () => {
          const batch = take();
          if (batch) inFlight.push(batch);
          worker.postMessage(batch ? batch[1] : null);
          return batch;
        };
        worker.on('message', (done: Linted[]) => {
          const [start] = inFlight.shift()!;
          for (const [k, phase] of done.entries()) phases[start + k] = reviveLinted(phase);
          send();
          if (inFlight.length === 0) resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lint worker exited with ${code}`))));
        if (!send() || !send()) resolve();
      }),
  );
  try {
    // This thread lints batches too (measured: faster and lighter than a worker on every core while it
    // only hands out batches), yielding between them so the workers' messages are answered.
    for (let batch = take(); batch; batch = take()) {
      const [start, files] = batch;
      for (const [k, target] of files.entries()) phases[start + k] = await one(target);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // A worker that failed (out of memory, killed) leaves its batch: this thread lints what is left.
    await Promise.allSettled(finished);
    for (const [i, target] of targets.entries()) phases[i] ??= await one(target);
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return phases;
}
