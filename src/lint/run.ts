import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { ConfigError } from '../errors.js';
import { sectionOf } from '../post/model.js';
import type { IndexedPosts } from '../site/indexed-posts.js';
import { listPosts } from '../site/posts.js';
import { type SiteSummary, cachedFacts, indexedFacts, saveSummary } from '../site/term-cache.js';
import { TermIndex } from '../site/terms.js';
import {
  type EnabledRule,
  type SiteSnapshot,
  checkPost,
  fileOf,
  fixText,
  modelOptionsFor,
  sortDiagnostics,
  wordDiagnostics,
} from './core.js';
import { FileIndex } from './file-index.js';
import { PhotoIndex, loadPhotoCache, savePhotoCache } from './photo-index.js';
import { trackedFiles } from './git.js';
import { RULES } from './rules/index.js';
import { type Linted, inflate, packedFacts, settle, unpackPhase } from './phase-pack.js';
import { type FileResult, type LintedFacts, type PostPhase, lintPostPhase } from './post-phase.js';
import { SectionDates, postPathSection } from './sections.js';
import type { Diagnostic } from './types.js';

export type { FileResult };

/**
 * Posts below which one thread lints faster than several. Measured with bench/lint.mjs on this 2-vCPU machine:
 * 1,000 posts 0.80 s on one thread, 0.86 s on two; 10,000 posts 3.7 s and 3.35 s.
 */
export const WORKER_THRESHOLD = 3000;

/**
 * Posts from which the photo facts cache and the lint cache are read and saved (their files hold every photo and
 * post of the site): a run over a few posts (a commit's) reads those few instead.
 */
const CACHE_FROM = 200;

export interface LintOptions {
  /** Every post of the site: the term index covers them all, whichever are linted. */
  allPosts?: string[];
  useCache: boolean;
  /** Folders already listed (while finding the posts), by absolute path. */
  listings?: Map<string, string[]>;
  /** The posts of git's index with their blob ids: the other posts' facts come from them and the caches. */
  indexed?: Promise<IndexedPosts | undefined>;
  /** The summary of git's index the last run saved, if any (valid when its digest is the index's). */
  summary?: SiteSummary;
}

/** The rules that run, each with its severity: the rule's own, or the site's [lint.rules]. */
export function enabledRules(site: SiteConfig, source: string): EnabledRule[] {
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const id of Object.keys(site.lint.rules)) {
    if (!known.has(id))
      throw new ConfigError(
        (m) => m.config.unknownRule(id, [...known].join(', ')),
        site.lint.ruleSources[id] ?? source,
      );
  }
  return RULES.flatMap((rule) => {
    const configured = site.lint.rules[rule.meta.id];
    if (configured === 'off') return [];
    return [{ rule, severity: configured ?? rule.meta.severity }];
  });
}

/** What `lint --fix` needs after a run: the snapshot the run gathered, to fix posts against it. */
export interface Linter {
  /** Fixes a post's text until no fix is left; the findings of the fixed text. */
  fix(file: string, text: string): Promise<{ text: string; diagnostics: Diagnostic[] }>;
}

/**
 * The post phase of every target, in order: from the lint cache where a post and the files it links are as
 * they were (a large run), else linted on the main thread or shared with worker threads.
 */
async function runPostPhase(
  deps: Deps,
  targets: string[],
  snapshot: SiteSnapshot,
  postRules: EnabledRule[],
  options: LintOptions,
): Promise<Linted[]> {
  const { site } = snapshot;
  const modelOptions = modelOptionsFor(site);
  const large = targets.length >= CACHE_FROM;
  const cache = options.useCache && large ? await loadCache(deps, snapshot, postRules) : undefined;
  const linted: Linted[] = new Array(targets.length);
  const stats = targets.map((file) => (cache ? deps.fs.statSync(file) : undefined));
  const contentRoots = modelOptions.contentRoots ?? [];
  const pending: number[] = [];
  for (const [i, file] of targets.entries()) {
    const stat = stats[i];
    const standing = stat && cache ? cache.cache.standing(file, stat) : 'none';
    // A new mtime (a checkout, a CI clone): the bytes tell. A post that differs is read again to be linted (its
    // bytes are not held: a whole site of them could be waiting for the worker threads).
    const bytes = standing === 'check' ? await deps.fs.readFile(file).catch(() => undefined) : undefined;
    const same = standing === 'same' || (bytes !== undefined && cache!.cache.sameBytes(file, stat!, bytes));
    const kept = same ? cache!.cache.get(file, snapshot.files) : undefined;
    if (kept) {
      const { terms, imageFiles, ...stored } = kept;
      linted[i] = { facts: packedFacts(stored.numbers, terms, file, contentRoots), imageFiles, stored };
    } else pending.push(i);
  }
  const statOf = new Map(pending.map((i) => [targets[i]!, stats[i]]));
  // Kept in the cache as soon as linted (workers' posts as they come back).
  const keep = (file: string, item: Linted) => {
    cache?.cache.set(file, statOf.get(file), item.packed, item.lookups);
    delete item.lookups;
    return item;
  };
  const digestOf = cache?.digestOf;
  // Packed as soon as linted: a whole phase is let go before the next post is read.
  const one = async (file: string) => {
    const phase = lintPostPhase(file, await readPost(deps, file), snapshot, modelOptions, postRules, digestOf);
    return keep(file, settle(phase, site.root, contentRoots, large));
  };
  const files = pending.map((i) => targets[i]!);
  let done: Linted[] | undefined;
  // Loaded for large runs only: worker threads and the count of cores cost a commit's lint start-up time.
  if (!options.indexed && (files.length >= WORKER_THRESHOLD || deps.env.MEETUP_NOTE_THREADS)) {
    const { lintInWorkers, threadsFor } = await import('./threads.js');
    const threads = threadsFor(files.length, deps.env);
    const setup = { snapshot, postRules, listings: options.listings, record: cache !== undefined, pack: large };
    done = threads > 1 ? await lintInWorkers(files, threads, setup, one) : undefined;
  }
  if (!done) {
    done = [];
    for (const file of files) done.push(await one(file));
  }
  for (const [k, i] of pending.entries()) linted[i] = done[k]!.lookups ? keep(targets[i]!, done[k]!) : done[k]!;
  if (cache) {
    // A run over the whole site knows every post: the cache forgets those that are gone.
    if (options.allPosts === targets) cache.cache.keepOnly(targets);
    await cache.save();
  }
  return linted;
}

/** A post's bytes, or why they could not be read (one finding, not the end of the run). */
function readPost(deps: Deps, file: string): Promise<Uint8Array | { error: unknown }> {
  return deps.fs.readFile(file).then(
    (bytes) => bytes,
    (error: unknown) => ({ error }),
  );
}

/** The lint cache, its module loaded only for a large run. */
async function loadCache(deps: Deps, snapshot: SiteSnapshot, postRules: EnabledRule[]) {
  const { loadResultCache, saveResultCache, contentDigest } = await import('./result-cache.js');
  const cache = await loadResultCache(deps, snapshot.site, postRules);
  return { cache, save: () => saveResultCache(deps, snapshot.site, cache), digestOf: contentDigest };
}

/**
 * The terms and section counts of the whole site: the posts being linted as they are now, the others
 * from the term cache. A run over a few files in a git work tree uses the summary of git's index when
 * the index is as it was and the linted posts are as staged (one small file instead of an entry per
 * post), else the per-post cache by blob id, and saves the summary for the next run.
 */
async function siteCounts(
  deps: Deps,
  site: SiteConfig,
  targets: string[],
  lintedFacts: LintedFacts[],
  options: LintOptions,
): Promise<{ terms: TermIndex; sections: SectionDates }> {
  const terms = new TermIndex();
  const sections = new SectionDates(postPathSection(site));
  const add = (facts: Pick<LintedFacts, 'terms' | 'section' | 'dated'>) => {
    if (facts.terms) terms.add(facts.terms);
    if (facts.section !== undefined) sections.add(facts.section, facts.dated);
  };
  // git ran meanwhile (its answer was asked for as the run started).
  const indexed = await options.indexed;
  // As git's index has it: the summary of the index counts the post already.
  const inIndex = targets.map((file) => indexed?.posts.has(file) === true && !indexed.changed.has(file));
  const changedFromIndex = targets.some((file) => indexed?.changed.has(file));
  const summable = indexed !== undefined && options.useCache && !changedFromIndex;
  const summary = summable && options.summary?.digest === indexed.digest ? options.summary : undefined;
  if (summary) {
    for (const [taxonomy, term, count] of summary.terms) terms.addCount(taxonomy, term, count);
    for (const [section, dated, total] of summary.sections) sections.addCount(section, dated, total);
    for (const [i, facts] of lintedFacts.entries()) if (!inIndex[i]) add(facts);
    return { terms, sections };
  }
  const linted = new Set(targets);
  const contentRoots = modelOptionsFor(site).contentRoots ?? [];
  const allPosts = options.allPosts ?? (indexed ? [] : await listPosts(deps.fs, site.root, site.contentDirs));
  // Walked because the site was small: the count kept with the summary follows the site, so a grown one uses git.
  if (!indexed && options.summary && options.summary.posts !== allPosts.length && options.useCache) {
    await saveSummary(deps, site, { ...options.summary, digest: '', posts: allPosts.length });
  }
  const others = indexed
    ? await indexedFacts(deps, site, indexed.posts, linted, options.useCache)
    : await cachedFacts(
        deps,
        site,
        allPosts.filter((file) => !linted.has(file)),
        allPosts,
        options.useCache,
      );
  for (const [file, facts] of others) {
    const page = !/^_index\./i.test(path.basename(file)) && !facts.headless;
    add({
      terms: facts.terms ?? undefined,
      section: page ? sectionOf(file, contentRoots) : undefined,
      dated: facts.dated,
    });
  }
  for (const [i, facts] of lintedFacts.entries()) if (inIndex[i]) add(facts);
  // Now terms and sections count exactly the index's posts: the summary of the next run.
  if (summable)
    await saveSummary(deps, site, {
      digest: indexed.digest,
      posts: indexed.posts.size,
      terms: terms.counts(),
      sections: sections.counts(),
    });
  for (const [i, facts] of lintedFacts.entries()) if (!inIndex[i]) add(facts);
  return { terms, sections };
}

/**
 * Lints the given posts, one at a time: each post's own rules run as soon as it is read, and only
 * what the site rules need is kept (its term lists and the images that exist), so memory stays
 * flat on a site of 10,000 posts. The site rules run last, once the term index covers every post
 * (the given ones as read now, the others from the term cache: a pre-commit run over a few files
 * agrees with a full run) and git has said which files it tracks.
 */
export async function lintPosts(
  deps: Deps,
  site: SiteConfig,
  targets: string[],
  options: LintOptions,
  source: string,
): Promise<{ results: FileResult[]; linter: Linter; rules: EnabledRule[] }> {
  const rules = enabledRules(site, source);
  const postRules = rules.filter(({ rule }) => rule.meta.scope !== 'site');
  const siteRules = rules.filter(({ rule }) => rule.meta.scope === 'site');
  const needsTerms = siteRules.some(({ rule }) => rule.meta.id === 'tag-variant');
  const needsSections = siteRules.some(({ rule }) => rule.meta.id === 'frontmatter-date');
  const needsGit = siteRules.some(({ rule }) => rule.meta.id === 'image-untracked');
  const snapshot: SiteSnapshot = {
    site,
    files: new FileIndex(deps.fs.listFolder, options.listings),
    // The photo cache pays on a whole site; a run over a few posts reads their few photos' heads instead.
    photos: new PhotoIndex(
      deps.fs.readSlice,
      deps.fs.statSync,
      await loadPhotoCache(deps, site, options.useCache && targets.length >= CACHE_FROM),
    ),
    terms: new TermIndex(),
    now: deps.now(),
  };

  // The post rules run on each post as it is read (over worker threads on a large site); only what the
  // site rules need is kept.
  const linted = await runPostPhase(deps, targets, snapshot, postRules, options);
  const lintedFacts = linted.map(({ facts }) => facts);

  // Then the snapshot is completed: git's tracked files, the other posts' terms and dates (term cache).
  const gitDirs = [...site.staticDirs, ...site.contentDirs];
  const existing = [...new Set(linted.flatMap(({ imageFiles }) => imageFiles))];
  const trackedLater = needsGit ? trackedFiles(site.root, existing, gitDirs) : Promise.resolve(undefined);
  if (needsTerms || needsSections) {
    const { terms, sections } = await siteCounts(deps, site, targets, lintedFacts, options);
    snapshot.terms = terms;
    snapshot.datedSections = sections.dated();
  }
  const tracked = await trackedLater;
  if (tracked) snapshot.tracked = tracked;
  // Each post is unpacked for the site rules, and let go after.
  const modelOptions = modelOptionsFor(site);
  const contentRoots = modelOptions.contentRoots ?? [];
  const results: FileResult[] = [];
  for (const [i, { packed, stored, phase: whole }] of linted.entries()) {
    const file = targets[i]!;
    let phase: PostPhase;
    try {
      phase = whole ?? unpackPhase(packed ?? inflate(stored!), file, site.root, contentRoots);
    } catch {
      // A cache entry that passed its checks but does not read back (a disk error): the post is linted again.
      const read = await readPost(deps, file);
      phase = lintPostPhase(file, read, { ...snapshot, terms: new TermIndex() }, modelOptions, postRules);
    }
    const { kept: post, result } = phase;
    if (post.model.fatal || siteRules.length === 0) {
      results.push(result);
      continue;
    }
    const diagnostics = sortDiagnostics([...result.diagnostics, ...checkPost(post, snapshot, siteRules)]);
    results.push({ ...result, diagnostics });
  }

  await wordDiagnostics(
    results.flatMap((result) => result.diagnostics),
    site.language,
  );
  if (
    snapshot.photos instanceof PhotoIndex &&
    snapshot.photos.changed &&
    options.useCache &&
    targets.length >= CACHE_FROM
  ) {
    await savePhotoCache(deps, site, snapshot.photos.cache);
  }

  const asked = new Set(existing);
  const linter: Linter = {
    async fix(file, text) {
      let fixed = fixText(file, text, snapshot, rules);
      // A fix can point a reference at another file (its right case): git is asked about files not asked yet.
      const unasked = fixed.images.flatMap((image) => {
        const found = fileOf(image);
        return snapshot.tracked && found !== undefined && !asked.has(found) ? [found] : [];
      });
      if (snapshot.tracked && unasked.length) {
        for (const f of unasked) asked.add(f);
        for (const f of (await trackedFiles(site.root, unasked, gitDirs)) ?? []) snapshot.tracked.add(f);
        fixed = { ...fixed, diagnostics: checkPost(fixed, snapshot, rules) };
      }
      await wordDiagnostics(fixed.diagnostics, site.language);
      return { text: fixed.text, diagnostics: fixed.diagnostics };
    },
  };
  return { results, linter, rules };
}
