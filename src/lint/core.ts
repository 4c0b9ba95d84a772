/**
 * The pure core of lint, as ESLint's `Linter.verify` and textlint's `lintText`: from a post's bytes, its
 * path and a snapshot of the site to findings and fixes. No file system, git or cache here: the engine
 * (run.ts) gathers the snapshot, the rule tester builds one by hand, and both call these functions.
 */
import path from 'node:path';
import type { Language, SiteConfig } from '../config/types.js';
import type { Messages } from '../i18n/messages.js';
import type { Problem } from '../i18n/problems.js';
import { fixUntilStable } from '../post/edits.js';
import { type ModelOptions, type PostModel, buildPostModel } from '../post/model.js';
import type { TermIndex } from '../site/terms.js';
import type { FileLookup, Lookup } from './file-index.js';
import type { PhotoLookup } from './photo-index.js';
import { resolveTarget } from './resolve.js';
import { fileEncoding } from './rules/file-encoding.js';
import type { Diagnostic, ResolvedImage, Rule, RuleContext, RuleMessage, Severity } from './types.js';

/** What the rules may know of the site beyond the post. */
export interface SiteSnapshot {
  site: SiteConfig;
  /** Which files exist, as written or with another case. */
  files: FileLookup;
  /** What the photos referenced are: size, format, pixels, GPS. */
  photos?: PhotoLookup;
  /** Every term of the site, with its spellings and how many posts use each. */
  terms: TermIndex;
  now: Date;
  /** Files git tracks; undefined when that is not known (no git work tree, or not asked yet). */
  tracked?: Set<string>;
  /** Sections whose pages carry dates; undefined until every post has been seen. */
  datedSections?: Set<string>;
}

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
}

/** A post read into its model, with where each of its images points. */
export interface AnalyzedPost {
  model: PostModel;
  images: ResolvedImage[];
}

export function modelOptionsFor(site: SiteConfig): ModelOptions {
  const contentRoots = site.contentDirs.map((dir) => path.join(site.root, dir));
  return { taxonomyKeys: site.taxonomyKeys, imageKeys: site.lint.imageKeys, contentRoots };
}

/** The file an image was found at (with or without the right case), if any. */
export const fileOf = (image: ResolvedImage): string | undefined =>
  image.lookup && image.lookup.status !== 'missing' ? image.lookup.file : undefined;

/** Where each image of a post points and what the snapshot's files say. */
export function resolveImages(model: PostModel, site: SiteConfig, files: FileLookup): ResolvedImage[] {
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
        const lookup = files.lookup(candidate.base, candidate.segments, candidate.lowerDirs);
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
      const shown =
        best?.status === 'found' ? undefined : target.candidates[best?.status === 'missing' ? 0 : bestIndex];
      if (shown)
        image.display = path
          .relative(site.root, path.join(shown.base, ...shown.segments))
          .split(path.sep)
          .join('/');
    }
    seen.set(key, image);
    resolved.push(image);
  }
  return resolved;
}

/** Reads a post into its model and resolves its images. */
export function analyzePost(
  file: string,
  source: Uint8Array | string,
  snapshot: SiteSnapshot,
  options?: ModelOptions,
): AnalyzedPost {
  const model = buildPostModel(file, source, options ?? modelOptionsFor(snapshot.site));
  return { model, images: resolveImages(model, snapshot.site, snapshot.files) };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.place.line - b.place.line || a.place.column - b.place.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''),
  );
}

/** Runs the rules on an analyzed post: its findings, in order, with what disable comments leave. */
export function checkPost(post: AnalyzedPost, snapshot: SiteSnapshot, rules: EnabledRule[]): Diagnostic[] {
  const { model } = post;
  if (model.fatal) {
    const words: RuleMessage = ['problem', model.fatal.problem];
    return [{ ruleId: null, severity: 'error', fatal: true, place: model.fatal.place, message: '', words }];
  }
  const context: RuleContext = {
    post: model,
    images: post.images,
    site: snapshot.site,
    terms: snapshot.terms,
    now: snapshot.now,
    language: snapshot.site.language,
  };
  if (snapshot.tracked) context.tracked = snapshot.tracked;
  if (snapshot.datedSections) context.datedSections = snapshot.datedSections;
  if (snapshot.photos) context.photos = snapshot.photos;
  const diagnostics: Diagnostic[] = [];
  // A file that is not UTF-8 has no text to check: only file-encoding speaks of it.
  const running = model.encoding ? rules.filter(({ rule }) => rule.meta.id === fileEncoding.meta.id) : rules;
  for (const { rule, severity } of running) {
    for (const report of rule.check(context)) {
      if (model.directives.isDisabled(rule.meta.id, report.place.line)) continue;
      const { message, ...rest } = report;
      diagnostics.push({ ...rest, message: '', words: message, ruleId: rule.meta.id, severity });
    }
  }
  return sortDiagnostics(diagnostics);
}

/** Lints one post whose snapshot is complete: analyze, then check. */
export function lintText(
  file: string,
  source: Uint8Array | string,
  snapshot: SiteSnapshot,
  rules: EnabledRule[],
): AnalyzedPost & { diagnostics: Diagnostic[] } {
  const post = analyzePost(file, source, snapshot);
  return { ...post, diagnostics: checkPost(post, snapshot, rules) };
}

/** Fixes a post's text until no fix is left (at most 10 passes, as ESLint's --fix); the findings of the result. */
export function fixText(
  file: string,
  text: string,
  snapshot: SiteSnapshot,
  rules: EnabledRule[],
): AnalyzedPost & { text: string; diagnostics: Diagnostic[] } {
  let last: (AnalyzedPost & { diagnostics: Diagnostic[] }) | undefined;
  let lastText = '';
  const fixed = fixUntilStable(text, (current) => {
    last = lintText(file, current, snapshot, rules);
    lastText = current;
    return last.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  });
  // The loop stops on the text it linted last, unless it ran out of passes with fixes left.
  if (!last || lastText !== fixed) last = lintText(file, fixed, snapshot, rules);
  return { ...last, text: fixed };
}

/** A rule's message worded from the catalog (`said` made it). */
export function wordRuleMessage([id, ...args]: RuleMessage, messages: Messages): string {
  if (id === 'problem') return messages.problem(args[0] as Problem);
  const entry = messages.rules[id] as string | ((...values: unknown[]) => string);
  return typeof entry === 'function' ? entry(...args) : entry;
}

/**
 * Words the findings in the site's language, in place; the catalog is loaded only when there is a finding
 * (a run without one, most commits, never loads it).
 */
export async function wordDiagnostics(diagnostics: Iterable<Diagnostic>, language: Language): Promise<void> {
  let messages: Messages | undefined;
  for (const diagnostic of diagnostics) {
    if (!diagnostic.words) continue;
    messages ??= (await import('../i18n/messages.js')).MESSAGES[language];
    diagnostic.message = wordRuleMessage(diagnostic.words, messages);
    delete diagnostic.words;
  }
}
