import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { cacheHome, shortHash } from '../io/cache.js';
import { decodeText } from '../io/encoding.js';
import { writeFileAtomic } from '../io/files.js';
import { termsOfData } from './terms.js';
import { parsePost } from '../post/parse.js';
import { listPosts } from './posts.js';

/** A post's terms by taxonomy; null when its front matter cannot be read. */
export type PostTerms = Record<string, string[]> | null;

type Entry = [mtimeMs: number, size: number, terms: PostTerms];

const VERSION = 2;

interface CacheFile {
  version: number;
  entries: Record<string, Entry>;
}

/** Where the term cache of a site lives: the user's cache folder, never the blog repository. */
export function cacheFile(site: SiteConfig, env: Deps['env']): string | undefined {
  const home = cacheHome(env);
  if (!home) return undefined;
  const key = shortHash(`${site.root}\0${site.taxonomyKeys.join(',')}\0${site.contentDirs.join(',')}`);
  return path.join(home, `terms-${key}.json`);
}

async function termsOfFile(deps: Deps, file: string, taxonomies: string[]): Promise<PostTerms> {
  let decoded;
  try {
    decoded = decodeText(await deps.fs.readFile(file));
  } catch {
    return null;
  }
  // A post that is not UTF-8 has no terms Hugo would read right (lint says so): not counted.
  if (!('text' in decoded)) return null;
  const parsed = parsePost(decoded.text);
  if (parsed.kind === 'ok') return termsOfData(parsed.data, taxonomies);
  return parsed.kind === 'none' ? {} : null;
}

/**
 * The terms of these posts, read from the cache where a post's size and mtime are unchanged, else
 * from the post (and the cache is updated). The same reading (parsed front matter) as a full lint
 * run makes, so a pre-commit run over a few files gives the verdict of a run over all of them.
 */
export async function cachedTerms(deps: Deps, site: SiteConfig, files: string[], allPosts: string[], useCache: boolean): Promise<Map<string, PostTerms>> {
  const location = useCache ? cacheFile(site, deps.env) : undefined;
  let cache: CacheFile = { version: VERSION, entries: {} };
  if (location) {
    try {
      const loaded = JSON.parse((await deps.fs.readFile(location)).toString('utf8')) as CacheFile;
      if (loaded.version === VERSION && loaded.entries) cache = loaded;
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
  }
  // Entries of posts not asked about now stay (a run over all posts asks about none); deleted posts go.
  const prefix = site.root + path.sep;
  const relativeOf = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(site.root, file));
  const existing = new Set(allPosts.map(relativeOf));
  const entries: Record<string, Entry> = {};
  let changed = false;
  for (const [relative, entry] of Object.entries(cache.entries)) {
    if (existing.has(relative)) entries[relative] = entry;
    else changed = true;
  }
  const result = new Map<string, PostTerms>();
  for (const file of files) {
    const relative = relativeOf(file);
    const stat = await deps.fs.stat(file).catch(() => undefined);
    if (!stat) continue;
    const cached = cache.entries[relative];
    let terms: PostTerms;
    if (cached && cached[0] === stat.mtimeMs && cached[1] === stat.size) terms = cached[2];
    else {
      terms = await termsOfFile(deps, file, site.taxonomyKeys);
      changed = true;
    }
    entries[relative] = [stat.mtimeMs, stat.size, terms];
    result.set(file, terms);
  }
  if (location && changed) {
    try {
      await deps.fs.mkdir(path.dirname(location), { recursive: true });
      await writeFileAtomic(deps.fs, location, JSON.stringify({ version: VERSION, entries }));
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }
  return result;
}

/** The terms of every post of the site, by file: a content walk, then the cache. */
export async function allPostTerms(deps: Deps, site: SiteConfig, useCache: boolean): Promise<Map<string, PostTerms>> {
  const files = await listPosts(deps.fs, site.root, site.contentDirs);
  return cachedTerms(deps, site, files, files, useCache);
}
