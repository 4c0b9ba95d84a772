/**
 * The posts git's index holds, with the object id of each: a pre-commit run over a few files learns
 * the rest of the site from here and from the term cache, without listing or stat-ing thousands of
 * posts. What it costs and risks is in docs/rules.md ("The term index of a run over a few files").
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { listingDigest } from '../io/cache.js';
import { runGit } from '../io/git.js';
import { isPostFile } from './posts.js';

/** The posts of git's index: each one's blob id, and a digest of them all (the same digest: the same posts). */
export interface IndexedPosts {
  posts: Map<string, string>;
  digest: string;
  /** Of the files asked about, those whose content on disk is not the index's (git diff). */
  changed: Set<string>;
}

const MAX_DIFF_FILES = 500;

/**
 * The posts of the index under these folders (absolute path → blob id), and which of `files` differ from
 * the index on disk (git compares, with its own stat data and filters); undefined outside a git work tree.
 * Both git runs start at once and answer while the posts are linted.
 */
export async function indexedPosts(
  root: string,
  contentDirs: string[],
  files: string[],
): Promise<IndexedPosts | undefined> {
  const relative = files.map((file) => path.relative(root, file).split(path.sep).join('/'));
  // Thousands of files make no pre-commit run and no command line: then git is not asked, and each counts as changed.
  const [listing, diff] = await Promise.all([
    runGit(root, ['ls-files', '--stage', '-z', '--', ...contentDirs]),
    relative.length <= MAX_DIFF_FILES
      ? runGit(root, ['diff', '--name-only', '--no-ext-diff', '-z', '--', ...relative])
      : Buffer.from(relative.join('\0')),
  ]);
  if (!listing || !diff) return undefined;
  const posts = new Map<string, string>();
  const prefix = root + path.sep;
  const absolute = (name: string) => prefix + (path.sep === '/' ? name : name.split('/').join(path.sep));
  // `<mode> <oid> <stage>\t<path>`; a path in conflict (stages 1-3) is left out: it has no one content.
  for (const record of listing.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    // The oid ends at the last space before the stage digit: `100644 <oid> 0\t`.
    if (tab < 3 || record[tab - 1] !== '0' || record[tab - 2] !== ' ') continue;
    const name = record.slice(tab + 1);
    // As the content walk does: hidden folders and node_modules hold no posts.
    if (!isPostFile(name) || name.includes('/.') || name.startsWith('.') || name.includes('node_modules/')) continue;
    posts.set(absolute(name), record.slice(record.indexOf(' ') + 1, tab - 2));
  }
  const changed = new Set(diff.toString('utf8').split('\0').filter(Boolean).map(absolute));
  return { posts, digest: listingDigest(listing), changed };
}

/** The id git gives these bytes as a blob (sha1, or sha256 repositories'): the index's when the file is as staged. */
export function blobId(bytes: Uint8Array, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  // Required when first needed: node:crypto is not loaded by a run whose cache answers everything.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
