/** A lint worker thread (threads.ts): the post phase of the batches of posts it is sent, as the main thread does it. */
import { readFileSync } from 'node:fs';
import { contentDigest } from './digest.js';
import { parentPort, workerData } from 'node:worker_threads';
import { listFolderSync } from '../deps.js';
import { TermIndex } from '../site/terms.js';
import { type SiteSnapshot, modelOptionsFor } from './core.js';
import { FileIndex } from './file-index.js';
import { settle } from './phase-pack.js';
import { lintPostPhase } from './post-phase.js';
import { RULES } from './rules/index.js';
import type { WorkerSetup } from './threads.js';

const setup = workerData as WorkerSetup;
const snapshot: SiteSnapshot = {
  site: setup.site,
  files: new FileIndex(listFolderSync, new Map(setup.listings)),
  terms: new TermIndex(),
  now: new Date(setup.now),
};
const modelOptions = modelOptionsFor(setup.site);
// The lint cache's digest of a post (result-cache.ts), made where the bytes are.
const digestOf = setup.record ? contentDigest : undefined;
const postRules = setup.rules.map(([id, severity]) => ({ rule: RULES.find((rule) => rule.meta.id === id)!, severity }));

parentPort!.on('message', (files: string[] | null) => {
  if (!files) {
    parentPort!.close();
    return;
  }
  const phases = files.map((file) => {
    let read: Uint8Array | { error: unknown };
    try {
      read = readFileSync(file);
    } catch (error) {
      // Only the code crosses to the main thread: that is what the message says.
      read = { error: { code: (error as NodeJS.ErrnoException).code, message: (error as Error).message } };
    }
    const phase = lintPostPhase(file, read, snapshot, modelOptions, postRules, digestOf);
    return settle(phase, setup.site.root, modelOptions.contentRoots ?? [], setup.pack);
  });
  parentPort!.postMessage(phases);
});
