import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { cacheHome, shortHash } from '../io/cache.js';
import { decodeText } from '../io/encoding.js';
import { writeFileAtomic } from '../io/files.js';
import { termsOfData } from './terms.js';
import { isDated, parsePost } from '../post/parse.js';
import { listPosts } from './posts.js';

/** A post's terms by taxonomy; null when its front matter cannot be read. */
export type PostTerms = Record<string, string[]> | null;

/** What the site rules need of a post they do not lint now: its terms, and whether Hugo gives it a date. */
export interface PostFacts {
  terms: PostTerms;
  dated: boolean;
}

type Entry = [mtimeMs: number, size: number, terms: PostTerms, dated: 0 | 1];

const VERSION = 3;

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

async function factsOfFile(deps: Deps, file: string, taxonomies: string[]): Promise<PostFacts> {
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(await deps.fs.readFile(file));
  } catch {
    return { terms: null, dated: false };
  }
  // A post that is not UTF-8 has no terms Hugo would read right (lint says so): not counted.
  if (!('text' in decoded)) return { terms: null, dated: false };
  const parsed = parsePost(decoded.text);
  if (parsed.kind === 'ok') return { terms: termsOfData(parsed.data, taxonomies), dated: isDated(parsed.data) };
  return { terms: parsed.kind === 'none' ? {} : null, dated: false };
}

/**
 * The terms of these posts, read from the cache where a post's size and mtime are unchanged, else
 * from the post (and the cache is updated). The same reading (parsed front matter) as a full lint
 * run makes, so a pre-commit run over a few files gives the verdict of a run over all of them.
 */
export async function cachedFacts(
  deps: Deps,
  site: SiteConfig,
  files: string[],
  allPosts: string[],
  useCache: boolean,
): Promise<Map<string, PostFacts>> {
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
  const relativeOf = (file: string) =>
    file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(site.root, file);
  const existing = new Set(allPosts.map(relativeOf));
  const entries: Record<string, Entry> = {};
  let changed = false;
  for (const [relative, entry] of Object.entries(cache.entries)) {
    if (existing.has(relative)) entries[relative] = entry;
    else changed = true;
  }
  const result = new Map<string, PostFacts>();
  for (const file of files) {
    const relative = relativeOf(file);
    const stat = await deps.fs.stat(file).catch(() => undefined);
    if (!stat) continue;
    const cached = cache.entries[relative];
    let facts: PostFacts;
    if (cached && cached[0] === stat.mtimeMs && cached[1] === stat.size)
      facts = { terms: cached[2], dated: cached[3] === 1 };
    else {
      facts = await factsOfFile(deps, file, site.taxonomyKeys);
      changed = true;
    }
    entries[relative] = [stat.mtimeMs, stat.size, facts.terms, facts.dated ? 1 : 0];
    result.set(file, facts);
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
  const facts = await cachedFacts(deps, site, files, files, useCache);
  return new Map([...facts].map(([file, { terms }]) => [file, terms]));
}
