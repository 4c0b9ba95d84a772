import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { ConfigError } from '../errors.js';
import { type Problem, describeProblem } from '../i18n/problems.js';
import { MAX_POST_BYTES, errnoOf } from '../io/files.js';
import { cachedFacts } from '../site/term-cache.js';
import { TermIndex, termsOfData } from '../site/terms.js';
import { FileIndex, type Lookup } from './file-index.js';
import { trackedFiles } from './git.js';
import { type ModelOptions, type PostModel, type TaxonomyField, buildPostModel, sectionOf } from '../post/model.js';
import { SectionDates, postPathSection } from './sections.js';
import { resolveTarget } from './resolve.js';
import { fileEncoding } from './rules/file-encoding.js';
import { RULES } from './rules/index.js';
import type { Diagnostic, ResolvedImage, Rule, RuleContext, Severity } from './types.js';

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
}

/** The rules that run, each with its severity: the rule's own, or the site's [lint.rules]. */
export function enabledRules(site: SiteConfig, source: string): { rule: Rule; severity: Severity }[] {
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

/** Where each image of a post points and what the disk says (one listing per folder, shared by all posts). */
async function resolveImages(model: PostModel, site: SiteConfig, files: FileIndex): Promise<ResolvedImage[]> {
  const resolved: ResolvedImage[] = [];
  // The same URL twice in a post resolves the same way (front matter paths resolve differently from the body's).
  const seen = new Map<string, Omit<ResolvedImage, 'ref'>>();
  for (const ref of model.images) {
    const key = `${ref.syntax === 'frontmatter' ? 'f' : 'b'}${ref.url}`;
    const known = seen.get(key);
    if (known) {
      resolved.push({ ...known, ref });
      continue;
    }
    const target = resolveTarget(ref, model, site);
    const image: ResolvedImage = { ref, target };
    if (target.kind === 'local' || target.kind === 'root' || target.kind === 'self' || target.kind === 'localhost') {
      let best: Lookup | undefined;
      let bestIndex = 0;
      for (const [i, candidate] of target.candidates.entries()) {
        const lookup = await files.lookup(candidate.base, candidate.segments, candidate.lowerDirs);
        if (lookup.status === 'found') {
          best = lookup;
          bestIndex = i;
          break;
        }
        if (lookup.status === 'case' && best?.status !== 'case') {
          best = lookup;
          bestIndex = i;
        }
        best ??= lookup;
      }
      if (best) image.lookup = best;
      // Only messages show the path: the found ones (most) need none.
      const shownCandidate =
        best?.status === 'found' ? undefined : target.candidates[best?.status === 'missing' ? 0 : bestIndex];
      if (shownCandidate)
        image.display = path
          .relative(site.root, path.join(shownCandidate.base, ...shownCandidate.segments))
          .split(path.sep)
          .join('/');
    }
    seen.set(key, image);
    resolved.push(image);
  }
  return resolved;
}

function runRules(context: RuleContext, rules: { rule: Rule; severity: Severity }[]): Diagnostic[] {
  const { post } = context;
  if (post.fatal)
    return [
      {
        ruleId: null,
        severity: 'error',
        fatal: true,
        place: post.fatal.place,
        message: describeProblem(post.fatal.problem, context.language),
      },
    ];
  const diagnostics: Diagnostic[] = [];
  // A file that is not UTF-8 has no text to check: only file-encoding speaks of it.
  for (const { rule, severity } of post.encoding
    ? rules.filter(({ rule }) => rule.meta.id === fileEncoding.meta.id)
    : rules) {
    for (const report of rule.check(context)) {
      if (post.directives.isDisabled(rule.meta.id, report.place.line)) continue;
      diagnostics.push({ ...report, ruleId: rule.meta.id, severity });
    }
  }
  return sortDiagnostics(diagnostics);
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.place.line - b.place.line || a.place.column - b.place.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''),
  );
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

export interface Linter {
  /** Lints one post from its bytes (for fixes: from the fixed text). */
  lint(file: string, bytes: Uint8Array): Promise<{ diagnostics: Diagnostic[]; model: PostModel }>;
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
function keptForSiteRules(model: PostModel, images: ResolvedImage[]): { post: PostModel; images: ResolvedImage[] } {
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
  return { post, images: kept };
}

/** The file an image was found at (with or without the right case), if any. */
const fileOf = (image: ResolvedImage): string | undefined =>
  image.lookup && image.lookup.status !== 'missing' ? image.lookup.file : undefined;

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
): Promise<{ results: FileResult[]; linter: Linter; rules: { rule: Rule; severity: Severity }[] }> {
  const rules = enabledRules(site, source);
  const postRules = rules.filter(({ rule }) => rule.meta.scope !== 'site');
  const siteRules = rules.filter(({ rule }) => rule.meta.scope === 'site');
  const needsTerms = siteRules.some(({ rule }) => rule.meta.id === 'tag-variant');
  const needsSections = siteRules.some(({ rule }) => rule.meta.id === 'frontmatter-date');
  const needsGit = siteRules.some(({ rule }) => rule.meta.id === 'image-untracked');
  const contentRoots = site.contentDirs.map((dir) => path.join(site.root, dir));
  const modelOptions: ModelOptions = { taxonomyKeys: site.taxonomyKeys, imageKeys: site.lint.imageKeys, contentRoots };
  const files = new FileIndex(deps.fs, options.listings);
  const terms = new TermIndex();
  const now = deps.now();
  let tracked: Set<string> | undefined;
  let datedSections: Set<string> | undefined;
  const contextFor = (post: PostModel, images: ResolvedImage[]): RuleContext => {
    const context: RuleContext = { post, images, site, terms, now, language: site.language };
    if (tracked) context.tracked = tracked;
    if (datedSections) context.datedSections = datedSections;
    return context;
  };

  const pending: { post: PostModel; images: ResolvedImage[]; result: FileResult }[] = [];
  for (const file of targets) {
    // One file that cannot be read or linted is one finding; the rest of the site is still linted.
    let model: PostModel;
    let images: ResolvedImage[] = [];
    try {
      model = buildPostModel(file, await readPost(deps, file), modelOptions);
      images = await resolveImages(model, site, files);
    } catch (error) {
      model = unreadableModel(file, error, modelOptions);
      images = [];
    }
    if (needsTerms && model.data) terms.add(termsOfData(model.data, site.taxonomyKeys));
    const result: FileResult = {
      file,
      bomLength: model.lines.bomLength,
      diagnostics: runRules(contextFor(model, images), postRules),
    };
    pending.push({ ...keptForSiteRules(model, images), result });
  }

  const gitDirs = [...site.staticDirs, ...site.contentDirs];
  const existing = [...new Set(pending.flatMap(({ images }) => images.map((image) => fileOf(image)!)))];
  const trackedLater = needsGit ? trackedFiles(site.root, existing, gitDirs) : Promise.resolve(undefined);
  if (needsTerms || needsSections) {
    const linted = new Set(targets);
    const others = options.allPosts.filter((file) => !linted.has(file));
    const sections = new SectionDates(postPathSection(site));
    for (const { post } of pending) if (!post.isListPage && !post.headless) sections.add(post.section, post.dated);
    for (const [file, facts] of await cachedFacts(deps, site, others, options.allPosts, options.useCache)) {
      if (facts.terms) terms.add(facts.terms);
      if (!/^_index\./i.test(path.basename(file))) sections.add(sectionOf(file, contentRoots), facts.dated);
    }
    datedSections = sections.dated();
  }
  tracked = await trackedLater;
  const results = pending.map(({ post, images, result }) => {
    if (post.fatal || siteRules.length === 0) return result;
    return {
      ...result,
      diagnostics: sortDiagnostics([...result.diagnostics, ...runRules(contextFor(post, images), siteRules)]),
    };
  });

  const asked = new Set(existing);
  const linter: Linter = {
    async lint(file, bytes) {
      const model = buildPostModel(file, bytes, modelOptions);
      const images = await resolveImages(model, site, files);
      // A fix can point a reference at another file (its right case): ask git about files not asked yet.
      const unasked = images.flatMap((image) => {
        const file = fileOf(image);
        return tracked && file !== undefined && !asked.has(file) ? [file] : [];
      });
      if (tracked && unasked.length) {
        for (const f of unasked) asked.add(f);
        for (const f of (await trackedFiles(site.root, unasked, gitDirs)) ?? []) tracked.add(f);
      }
      return { diagnostics: runRules(contextFor(model, images), rules), model };
    },
  };
  return { results, linter, rules };
}
