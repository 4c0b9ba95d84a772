import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { ConfigError } from '../errors.js';
import { FileIndex, type Lookup } from './file-index.js';
import { trackedFiles } from './git.js';
import { type PostModel, buildPostModel } from './model.js';
import { resolveTarget } from './resolve.js';
import { RULES } from './rules/index.js';
import { cachedTerms } from './term-cache.js';
import { TermIndex, termsOfData } from './terms.js';
import type { Diagnostic, Fix, ResolvedImage, Rule, RuleContext, Severity } from './types.js';

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
}

/** The rules that run, each with its severity: the rule's own, or the site's [lint.rules]. */
export function enabledRules(site: SiteConfig, source: string): { rule: Rule; severity: Severity }[] {
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const id of Object.keys(site.lint.rules)) {
    if (!known.has(id)) throw new ConfigError(`[lint.rules] names an unknown rule "${id}"; the rules are: ${[...known].join(', ')}`, source);
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
  for (const ref of model.images) {
    const target = resolveTarget(ref, model, site);
    const image: ResolvedImage = { ref, target };
    if (target.kind === 'local' || target.kind === 'root' || target.kind === 'self' || target.kind === 'localhost') {
      let best: Lookup | undefined;
      let bestIndex = 0;
      for (const [i, candidate] of target.candidates.entries()) {
        const lookup = await files.lookup(candidate.base, candidate.segments);
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
      const shownCandidate = target.candidates[best?.status === 'missing' ? 0 : bestIndex];
      if (shownCandidate) image.display = path.relative(site.root, path.join(shownCandidate.base, ...shownCandidate.segments)).split(path.sep).join('/');
    }
    resolved.push(image);
  }
  return resolved;
}

function runRules(context: RuleContext, rules: { rule: Rule; severity: Severity }[]): Diagnostic[] {
  const { post } = context;
  if (post.fatal) return [{ ruleId: null, severity: 'error', fatal: true, place: post.fatal.place, message: post.fatal.message }];
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity } of rules) {
    for (const report of rule.check(context)) {
      if (post.directives.isDisabled(rule.meta.id, report.place.line)) continue;
      diagnostics.push({ ...report, ruleId: rule.meta.id, severity });
    }
  }
  return diagnostics.sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
}

/** Applies the fixes that do not overlap an earlier one (the rest wait for the next pass), from the end so offsets stay valid. */
export function applyFixes(text: string, fixes: Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: Fix[] = [];
  let lastEnd = -1;
  for (const fix of sorted) {
    if (fix.start < lastEnd) continue;
    chosen.push(fix);
    lastEnd = fix.end;
  }
  let out = text;
  for (const fix of chosen.reverse()) out = out.slice(0, fix.start) + fix.text + out.slice(fix.end);
  return out;
}

export interface Linter {
  /** Lints one post from its bytes (for fixes: from the fixed text). */
  lint(file: string, bytes: Uint8Array): Promise<{ diagnostics: Diagnostic[]; model: PostModel }>;
}

/**
 * Lints the given posts. The term index covers every post of the site: the given ones as read now,
 * the others from the term cache, so a pre-commit run over a few files agrees with a full run.
 */
export async function lintPosts(deps: Deps, site: SiteConfig, targets: string[], options: LintOptions, source: string): Promise<{ results: FileResult[]; linter: Linter }> {
  const rules = enabledRules(site, source);
  const modelOptions = { taxonomyKeys: site.taxonomyKeys, imageKeys: site.lint.imageKeys };
  const files = new FileIndex(deps.fs);
  const models: PostModel[] = [];
  for (const file of targets) {
    const bytes = await deps.fs.readFile(file);
    models.push(buildPostModel(file, bytes, modelOptions));
  }

  const resolved = await Promise.all(models.map((model) => resolveImages(model, site, files)));
  const wantsGit = rules.some(({ rule }) => rule.meta.id === 'image-untracked');
  const gitDirs = [...site.staticDirs, ...site.contentDirs];
  const existing = resolved.flatMap((images) => images.flatMap((image) => (image.lookup && image.lookup.status !== 'missing' ? [image.lookup.file] : [])));
  const trackedLater = wantsGit ? trackedFiles(site.root, existing, gitDirs) : Promise.resolve(undefined);

  const terms = new TermIndex();
  if (rules.some(({ rule }) => rule.meta.id === 'tag-variant')) {
    for (const model of models) if (model.data) terms.add(termsOfData(model.data, site.taxonomyKeys));
    const linted = new Set(targets);
    const others = options.allPosts.filter((file) => !linted.has(file));
    for (const termsOfPost of await cachedTerms(deps, site, others, options.useCache)) terms.add(termsOfPost);
  }
  const tracked = await trackedLater;
  const now = deps.now();

  const contextFor = (post: PostModel, images: ResolvedImage[]): RuleContext => {
    const context: RuleContext = { post, images, site, terms, now, language: site.language };
    if (tracked) context.tracked = tracked;
    return context;
  };
  const results: FileResult[] = models.map((model, i) => ({ file: model.file, bomLength: model.lines.bomLength, diagnostics: runRules(contextFor(model, resolved[i]!), rules) }));

  const asked = new Set(existing);
  const linter: Linter = {
    async lint(file, bytes) {
      const model = buildPostModel(file, bytes, modelOptions);
      const images = await resolveImages(model, site, files);
      // A fix can point a reference at another file (its right case): ask git about files not asked yet.
      const unasked = images.flatMap((image) => (tracked && image.lookup && image.lookup.status !== 'missing' && !asked.has(image.lookup.file) ? [image.lookup.file] : []));
      if (tracked && unasked.length) {
        for (const file of unasked) asked.add(file);
        for (const file of (await trackedFiles(site.root, unasked, gitDirs)) ?? []) tracked.add(file);
      }
      return { diagnostics: runRules(contextFor(model, images), rules), model };
    },
  };
  return { results, linter };
}
