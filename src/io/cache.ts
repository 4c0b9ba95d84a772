import path from 'node:path';
import type { Deps } from '../deps.js';
import type { WriteJournal } from './files.js';

/** meetup-note's folder in the user's cache ($XDG_CACHE_HOME, else ~/.cache): never inside a blog. */
export function cacheHome(env: Deps['env']): string | undefined {
  const home =
    env.XDG_CACHE_HOME ||
    (env.HOME || env.USERPROFILE ? path.join((env.HOME || env.USERPROFILE)!, '.cache') : undefined);
  return home && path.join(home, 'meetup-note');
}

/**
 * FNV-1a, 32 bits: enough to tell sites and posts apart in a file name, without loading node:crypto on every commit.
 */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Two FNV-1a hashes (32 bits each, different bases) of bytes and their length: a digest that tells one git
 * index listing from another without node:crypto, whose loading costs a commit's lint 3 to 5 ms (measured).
 * Not for secrets: a collision only makes a pre-commit run count terms from a stale summary.
 */
export function listingDigest(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193) >>> 0;
    b = Math.imul(b ^ bytes[i]!, 0x01000193) >>> 0;
  }
  return `${bytes.length.toString(16)}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/**
 * The journal of what meetup-note last wrote to each post: a SHA-256 per post in the cache folder.
 * A post whose bytes are what we wrote last was changed by another meetup-note, whose change the
 * next writer may build on; any other change came from somewhere else (an editor) and stops the edit.
 */
export function writeJournal(deps: Pick<Deps, 'fs' | 'env'>): WriteJournal | undefined {
  const home = cacheHome(deps.env);
  if (!home) return undefined;
  const dir = path.join(home, 'writes');
  const entry = (real: string) => path.join(dir, `${shortHash(real)}-${shortHash(path.basename(real))}`);
  const digest = async (data: string | Buffer) =>
    (await import('node:crypto')).createHash('sha256').update(data).digest('hex');
  return {
    async wrote(real, data) {
      await deps.fs.mkdir(dir, { recursive: true });
      await deps.fs.writeFile(entry(real), `${await digest(Buffer.from(data, 'utf8'))}\n${real}\n`);
    },
    async isOurs(real, bytes) {
      const recorded = await deps.fs.readFile(entry(real), 'utf8').catch(() => '');
      const [hash, file] = recorded.split('\n');
      return file === real && hash === (await digest(bytes));
    },
  };
}
