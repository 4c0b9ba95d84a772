import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { cacheHome, shortHash } from '../io/cache.js';
import { decodeText } from '../io/encoding.js';
import { writeFileAtomic } from '../io/files.js';
import { termsOfData } from './terms.js';
import { getField, isDated, parsePost } from '../post/parse.js';
import { blobId } from './indexed-posts.js';
import { listPosts } from './posts.js';

/** A post's terms by taxonomy; null when its front matter cannot be read. */
export type PostTerms = Record<string, string[]> | null;

/** What the site rules need of a post they do not lint now: its terms, and whether Hugo gives it a date. */
export interface PostFacts {
  terms: PostTerms;
  dated: boolean;
  /** `headless = true`: a bundle that is no page, so it does not count in its section. */
  headless: boolean;
}

/** A post's facts, with what they were read from: its size and mtime, and its git blob id. */
/** `page`: 1 when dated, | 2 when headless. */
type Entry = [mtimeMs: number, size: number, terms: PostTerms, page: number, blob: string];

const factsOf = (entry: Entry): PostFacts => ({
  terms: entry[2],
  dated: (entry[3] & 1) === 1,
  headless: (entry[3] & 2) === 2,
});
const pageOf = (facts: PostFacts) => (facts.dated ? 1 : 0) | (facts.headless ? 2 : 0);

const VERSION = 5;

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

/** A post's facts from its bytes, and the blob id git would give them (in the algorithm of the index's ids). */
async function factsOfFile(
  deps: Deps,
  file: string,
  taxonomies: string[],
  blobLength = 40,
): Promise<PostFacts & { blob: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await deps.fs.readFile(file);
  } catch {
    return { terms: null, dated: false, headless: false, blob: '' };
  }
  const blob = blobId(bytes, blobLength === 64 ? 'sha256' : 'sha1');
  const decoded = decodeText(bytes);
  // A post that is not UTF-8 has no terms Hugo would read right (lint says so): not counted.
  if (!('text' in decoded)) return { terms: null, dated: false, headless: false, blob };
  const parsed = parsePost(decoded.text);
  if (parsed.kind === 'ok') {
    const { data } = parsed;
    return {
      terms: termsOfData(data, taxonomies),
      dated: isDated(data),
      headless: getField(data, 'headless') === true,
      blob,
    };
  }
  return { terms: parsed.kind === 'none' ? {} : null, dated: false, headless: false, blob };
}

async function loadCache(deps: Deps, location: string | undefined): Promise<CacheFile> {
  if (location) {
    try {
      const loaded = JSON.parse((await deps.fs.readFile(location)).toString('utf8')) as CacheFile;
      if (loaded.version === VERSION && loaded.entries) return loaded;
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
  }
  return { version: VERSION, entries: {} };
}

async function saveCache(deps: Deps, location: string | undefined, entries: Record<string, Entry>): Promise<void> {
  if (!location) return;
  try {
    await deps.fs.mkdir(path.dirname(location), { recursive: true });
    await writeFileAtomic(deps.fs, location, JSON.stringify({ version: VERSION, entries }));
  } catch {
    // A cache that cannot be written only makes the next run slower.
  }
}

/**
 * What the site rules need of every post git's index holds, summed: each term spelling with its number
 * of posts, each section with its dated and total pages. Valid while the index lists the same posts
 * with the same blob ids (`digest`): a pre-commit run then reads one small file instead of 10,000 entries.
 */
export interface SiteSummary {
  digest: string;
  /** How many posts the index held: a small site is walked instead (cheaper than starting git). */
  posts: number;
  terms: [taxonomy: string, term: string, count: number][];
  sections: [section: string, dated: number, total: number][];
}

function summaryFile(site: SiteConfig, env: Deps['env']): string | undefined {
  const terms = cacheFile(site, env);
  return terms && path.join(path.dirname(terms), path.basename(terms).replace(/^terms-/, 'summary-'));
}

/** The summary last saved for the site (whatever the index holds now: the caller compares the digest). */
export async function loadSummary(deps: Deps, site: SiteConfig): Promise<SiteSummary | undefined> {
  const location = summaryFile(site, deps.env);
  if (!location) return undefined;
  try {
    const summary = JSON.parse((await deps.fs.readFile(location)).toString('utf8')) as SiteSummary & {
      version: number;
    };
    return summary.version === VERSION ? summary : undefined;
  } catch {
    return undefined;
  }
}

export async function saveSummary(deps: Deps, site: SiteConfig, summary: SiteSummary): Promise<void> {
  const location = summaryFile(site, deps.env);
  if (!location) return;
  try {
    await deps.fs.mkdir(path.dirname(location), { recursive: true });
    await writeFileAtomic(deps.fs, location, JSON.stringify({ version: VERSION, ...summary }));
  } catch {
    // Only the next run is slower.
  }
}

const relativeTo = (root: string) => {
  const prefix = root + path.sep;
  return (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(root, file));
};

/**
 * The facts of the posts git's index holds (but those being linted), for a run over a few files: a
 * post whose cached blob id is the index's is not read, listed or stat-ed; another is read (a post
 * changed since, or staged since the cache was written). Nothing is pruned from the cache here.
 */
export async function indexedFacts(
  deps: Deps,
  site: SiteConfig,
  indexed: Map<string, string>,
  linted: Set<string>,
  useCache: boolean,
): Promise<Map<string, PostFacts>> {
  const location = useCache ? cacheFile(site, deps.env) : undefined;
  const { entries } = await loadCache(deps, location);
  const relativeOf = relativeTo(site.root);
  const result = new Map<string, PostFacts>();
  let changed = false;
  for (const [file, blob] of indexed) {
    if (linted.has(file)) continue;
    const relative = relativeOf(file);
    const cached = entries[relative];
    if (cached && cached[4] === blob) {
      result.set(file, factsOf(cached));
      continue;
    }
    const stat = await deps.fs.stat(file).catch(() => undefined);
    const facts = await factsOfFile(deps, file, site.taxonomyKeys, blob.length);
    if (stat) entries[relative] = [stat.mtimeMs, stat.size, facts.terms, pageOf(facts), facts.blob];
    changed = true;
    result.set(file, facts);
  }
  if (changed) await saveCache(deps, location, entries);
  return result;
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
  const cache = await loadCache(deps, location);
  // Entries of posts not asked about now stay (a run over all posts asks about none); deleted posts go.
  const relativeOf = relativeTo(site.root);
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
    if (cached && cached[0] === stat.mtimeMs && cached[1] === stat.size) {
      entries[relative] = cached;
      result.set(file, factsOf(cached));
      continue;
    }
    const facts = await factsOfFile(deps, file, site.taxonomyKeys);
    changed = true;
    entries[relative] = [stat.mtimeMs, stat.size, facts.terms, pageOf(facts), facts.blob];
    result.set(file, facts);
  }
  if (changed) await saveCache(deps, location, entries);
  return result;
}

/** The terms of every post of the site, by file: a content walk, then the cache. */
export async function allPostTerms(deps: Deps, site: SiteConfig, useCache: boolean): Promise<Map<string, PostTerms>> {
  const files = await listPosts(deps.fs, site.root, site.contentDirs);
  const facts = await cachedFacts(deps, site, files, files, useCache);
  return new Map([...facts].map(([file, { terms }]) => [file, terms]));
}
