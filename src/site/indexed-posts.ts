/**
 * The posts git's index holds, with the object id of each: a pre-commit run over a few files learns
 * the rest of the site from here and from the term cache, without listing or stat-ing thousands of
 * posts. What it costs and risks is in docs/rules.md ("The term index of a run over a few files").
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isPostFile } from './posts.js';

/** The posts of git's index: each one's blob id, and a digest of them all (the same digest: the same posts). */
export interface IndexedPosts {
  posts: Map<string, string>;
  digest: string;
}

/** The posts of the index under these folders (absolute path → blob id); undefined outside a git work tree. */
export function indexedPosts(root: string, contentDirs: string[]): Promise<IndexedPosts | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const git = spawn(
      'git',
      ['--literal-pathspecs', '-c', 'core.quotepath=off', 'ls-files', '--stage', '-z', '--', ...contentDirs],
      { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    git.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    git.on('error', () => resolve(undefined));
    git.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      const listing = Buffer.concat(chunks);
      const posts = new Map<string, string>();
      const prefix = root + path.sep;
      // `<mode> <oid> <stage>\t<path>`; a path in conflict (stages 1-3) is left out: it has no one content.
      for (const record of listing.toString('utf8').split('\0')) {
        const tab = record.indexOf('\t');
        // The oid ends at the last space before the stage digit: `100644 <oid> 0\t`.
        if (tab < 3 || record[tab - 1] !== '0' || record[tab - 2] !== ' ') continue;
        const name = record.slice(tab + 1);
        // As the content walk does: hidden folders and node_modules hold no posts.
        if (!isPostFile(name) || name.includes('/.') || name.startsWith('.') || name.includes('node_modules/'))
          continue;
        const oid = record.slice(record.indexOf(' ') + 1, tab - 2);
        posts.set(prefix + (path.sep === '/' ? name : name.split('/').join(path.sep)), oid);
      }
      resolve({ posts, digest: blobId(listing) });
    });
  });
}

/** The id git gives these bytes as a blob (sha1, or sha256 repositories'): the index's when the file is as staged. */
export function blobId(bytes: Uint8Array, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  // Required when first needed: node:crypto is not loaded by a run whose cache answers everything.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
