import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { ConfigError } from '../errors.js';
import type { Problem } from '../i18n/problems.js';
import { MAX_POST_BYTES, errnoOf } from '../io/files.js';
import { type ModelOptions, type PostModel, type TaxonomyField, buildPostModel, sectionOf } from '../post/model.js';
import { type IndexedPosts, blobId } from '../site/indexed-posts.js';
import { cachedFacts, indexedFacts, loadSummary, saveSummary } from '../site/term-cache.js';
import { TermIndex, termsOfData } from '../site/terms.js';
import {
  type AnalyzedPost,
  type EnabledRule,
  type SiteSnapshot,
  analyzePost,
  checkPost,
  fixText,
  modelOptionsFor,
  sortDiagnostics,
} from './core.js';
import { FileIndex } from './file-index.js';
import { trackedFiles } from './git.js';
import { RULES } from './rules/index.js';
import { SectionDates, postPathSection } from './sections.js';
import type { Diagnostic, ResolvedImage } from './types.js';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** 1 when the file starts with a BOM (fix ranges in JSON do not count it, as ESLint's). */
  bomLength: number;
  /** The fixed text, when fixes were applied (or would be, with --fix-dry-run). */
  output?: string;
  /** The text as read, when fixes were planned. */
  source?: string;
}

export interface LintOptions {
  /** Every post of the site: the term index covers them all, whichever are linted. */
  allPosts: string[];
  useCache: boolean;
  /** Folders already listed (while finding the posts), by absolute path. */
  listings?: Map<string, string[]>;
  /** The posts of git's index with their blob ids: the other posts' facts come from them and the caches. */
  indexed?: IndexedPosts;
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

class TooLarge extends Error {
  constructor(readonly size: number) {
    super('too large');
  }
}

/** A post's bytes; more than an edit would take is not read into the model (a hostile 1 GB ".md"). */
async function readPost(deps: Deps, file: string): Promise<Buffer> {
  const bytes = await deps.fs.readFile(file);
  if (bytes.length > MAX_POST_BYTES) throw new TooLarge(bytes.length);
  return bytes;
}

/** The model of a file that could not be read (ENOENT from a dangling link, ELOOP, EACCES, EISDIR) or linted. */
function unreadableModel(file: string, error: unknown, options: ModelOptions): PostModel {
  const model = buildPostModel(file, new Uint8Array(), options);
  const code = errnoOf(error);
  const problem: Problem =
    error instanceof TooLarge
      ? { id: 'tooLarge', size: error.size, limit: MAX_POST_BYTES }
      : { id: 'unreadable', code: code ?? String((error as Error | undefined)?.message ?? error) };
  model.fatal = { problem, place: model.top };
  return model;
}

/** What `lint --fix` needs after a run: the snapshot the run gathered, to fix posts against it. */
export interface Linter {
  /** Fixes a post's text until no fix is left; the findings of the fixed text. */
  fix(file: string, text: string): Promise<{ text: string; diagnostics: Diagnostic[] }>;
}

/**
 * A copy of a string that does not keep the post's text alive: V8 makes slices of long strings point
 * into the original, and a whole-site run must not hold 10,000 posts in memory for their tags.
 */
function own(value: string): string {
  // Concatenating flattens into a new string that holds only this value; slicing it back is cheap.
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** What the site rules read of a post, with every string its own. */
function keptForSiteRules({ model, images }: AnalyzedPost): AnalyzedPost {
  const taxonomies = new Map<string, TaxonomyField>();
  for (const [key, field] of model.taxonomies) {
    const kept: TaxonomyField = {
      key: own(field.key),
      value: undefined,
      raw: '',
      place: field.place,
      hasNonString: field.hasNonString,
    };
    if (field.terms) {
      kept.terms = field.terms;
      for (const term of field.terms) term.value = own(term.value);
    }
    taxonomies.set(key, kept);
  }
  const post: PostModel = { ...model, fields: new Map(), images: [], taxonomies };
  delete post.data;
  // image-untracked reads the file found and where the URL is; the candidates and texts can go.
  const kept = images.flatMap((image) => {
    const file = fileOf(image);
    if (file === undefined) return [];
    const ref = { ...image.ref, url: '', raw: '', alt: '' };
    return [{ ref, target: { kind: 'local' as const, candidates: [] }, lookup: { status: 'found' as const, file } }];
  });
  return { model: post, images: kept };
}

/** The file an image was found at (with or without the right case), if any. */
const fileOf = (image: ResolvedImage): string | undefined =>
  image.lookup && image.lookup.status !== 'missing' ? image.lookup.file : undefined;

/** What the site rules need of a post being linted, and how it stands to git's index. */
interface LintedFacts {
  terms: Record<string, string[]> | undefined;
  /** Its section, when it counts there (not a list page or a headless bundle). */
  section: string | undefined;
  dated: boolean;
  inIndex: boolean;
  changedFromIndex: boolean;
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
  const { indexed } = options;
  const summable = indexed !== undefined && options.useCache && !lintedFacts.some((f) => f.changedFromIndex);
  const summary = summable ? await loadSummary(deps, site, indexed.digest) : undefined;
  if (summary) {
    for (const [taxonomy, term, count] of summary.terms) terms.addCount(taxonomy, term, count);
    for (const [section, dated, total] of summary.sections) sections.addCount(section, dated, total);
    for (const facts of lintedFacts) if (!facts.inIndex) add(facts);
    return { terms, sections };
  }
  const linted = new Set(targets);
  const contentRoots = modelOptionsFor(site).contentRoots ?? [];
  const others = indexed
    ? await indexedFacts(deps, site, indexed.posts, linted, options.useCache)
    : await cachedFacts(
        deps,
        site,
        options.allPosts.filter((file) => !linted.has(file)),
        options.allPosts,
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
  for (const facts of lintedFacts) if (facts.inIndex) add(facts);
  // Now terms and sections count exactly the index's posts: the summary of the next run.
  if (summable)
    await saveSummary(deps, site, { digest: indexed.digest, terms: terms.counts(), sections: sections.counts() });
  for (const facts of lintedFacts) if (!facts.inIndex) add(facts);
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
  const modelOptions = modelOptionsFor(site);
  const snapshot: SiteSnapshot = {
    site,
    files: new FileIndex(deps.fs.listFolder, options.listings),
    terms: new TermIndex(),
    now: deps.now(),
  };

  // The post rules run on each post as it is read; only what the site rules need is kept.
  const pending: { post: AnalyzedPost; result: FileResult }[] = [];
  const lintedFacts: LintedFacts[] = [];
  const { indexed } = options;
  for (const file of targets) {
    // One file that cannot be read or linted is one finding; the rest of the site is still linted.
    let post: AnalyzedPost;
    let blob: string | undefined;
    try {
      const bytes = await readPost(deps, file);
      if (indexed?.posts.has(file)) blob = blobId(bytes, indexed.posts.get(file)!.length === 64 ? 'sha256' : 'sha1');
      post = analyzePost(file, bytes, snapshot, modelOptions);
    } catch (error) {
      post = { model: unreadableModel(file, error, modelOptions), images: [] };
    }
    const { model } = post;
    lintedFacts.push({
      terms: model.data ? termsOfData(model.data, site.taxonomyKeys) : undefined,
      section: model.isListPage || model.headless ? undefined : model.section,
      dated: model.dated,
      // As git's index has it: then the summary of the index counts this post already.
      inIndex: blob !== undefined && blob === indexed?.posts.get(file),
      changedFromIndex: blob !== undefined && blob !== indexed?.posts.get(file),
    });
    const result: FileResult = {
      file,
      bomLength: post.model.lines.bomLength,
      diagnostics: checkPost(post, snapshot, postRules),
    };
    pending.push({ post: keptForSiteRules(post), result });
  }

  // Then the snapshot is completed: git's tracked files, the other posts' terms and dates (term cache).
  const gitDirs = [...site.staticDirs, ...site.contentDirs];
  const existing = [...new Set(pending.flatMap(({ post }) => post.images.map((image) => fileOf(image)!)))];
  const trackedLater = needsGit ? trackedFiles(site.root, existing, gitDirs) : Promise.resolve(undefined);
  if (needsTerms || needsSections) {
    const { terms, sections } = await siteCounts(deps, site, targets, lintedFacts, options);
    snapshot.terms = terms;
    snapshot.datedSections = sections.dated();
  }
  const tracked = await trackedLater;
  if (tracked) snapshot.tracked = tracked;
  const results = pending.map(({ post, result }) => {
    if (post.model.fatal || siteRules.length === 0) return result;
    return {
      ...result,
      diagnostics: sortDiagnostics([...result.diagnostics, ...checkPost(post, snapshot, siteRules)]),
    };
  });

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
      return { text: fixed.text, diagnostics: fixed.diagnostics };
    },
  };
  return { results, linter, rules };
}
