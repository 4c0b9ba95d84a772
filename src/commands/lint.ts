import path from 'node:path';
import { SiteNotFoundError, loadSite, resolveStartDir } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { EXIT_OK, EXIT_PROBLEMS, MeetupNoteError, UsageError, messageOf } from '../errors.js';
import { type Colors, loadColors, wantsColor } from '../io/colors.js';
import { sanitize } from '../io/sanitize.js';
import { assertInside, writeFileAtomic } from '../io/files.js';
import type { FormatContext, Formatter } from '../lint/formatters/types.js';
import { type FileResult, type Linter, type LintOptions as LintPostsOptions, lintPosts } from '../lint/run.js';
import { expandTargets } from '../lint/targets.js';
import { listPosts } from '../site/posts.js';
import { displayPath } from '../io/paths.js';

export interface LintOptions {
  cwd?: string;
  format?: string;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  color?: boolean;
  cache?: boolean;
}

const FORMATS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('../lint/formatters/stylish.js')).stylish,
  json: async () => (await import('../lint/formatters/json.js')).json,
  github: async () => (await import('../lint/formatters/github.js')).github,
  sarif: async () => (await import('../lint/formatters/sarif.js')).sarif,
};

/**
 * Fixes one post: opened as every edit is (inside the content folders by real path, UTF-8), written
 * under its lock. A post that cannot be fixed is one line on stderr; its findings are still reported.
 */
async function fixFile(
  deps: Deps,
  site: SiteConfig,
  linter: Linter,
  result: FileResult,
  write: boolean,
): Promise<FileResult> {
  if (!result.diagnostics.some((d) => d.fix)) return result;
  // Loaded only when there is something to fix: most commits have nothing, and lint's start-up counts.
  const { commitJournaledEdit, openPost } = await import('./post-target.js');
  try {
    const target = await openPost(deps, site, result.file);
    let fixed = await linter.fix(result.file, target.text);
    if (write && fixed.text !== target.text) {
      // Under the post's lock; if another meetup-note wrote it meanwhile, the same fixes are made on what it wrote.
      await commitJournaledEdit(deps, {
        target,
        text: fixed.text,
        replan: async (text) => (fixed = await linter.fix(result.file, text)).text,
      });
    }
    return { ...result, diagnostics: fixed.diagnostics, output: fixed.text, source: target.text };
  } catch (error) {
    if (!(error instanceof MeetupNoteError)) throw error;
    deps.stderr.write(`meetup-note: ${messageOf(error, (await catalog())[site.language])}\n`);
    return result;
  }
}

/**
 * The site of the working folder; else, when files are given (pre-commit runs from the repository
 * root, and the blog may live in a sub-folder), the site of the first of them.
 */
async function loadSiteFor(deps: Deps, cwdOption: string | undefined, base: string, patterns: string[]) {
  try {
    return await loadSite(deps, cwdOption);
  } catch (error) {
    if (!(error instanceof SiteNotFoundError)) throw error;
    for (const pattern of patterns) {
      const stat = await deps.fs.stat(path.resolve(base, pattern)).catch(() => undefined);
      if (stat)
        return loadSite(deps, path.resolve(base, stat.isDirectory() ? pattern : path.dirname(pattern))).catch(() =>
          Promise.reject(error),
        );
    }
    throw error;
  }
}

/**
 * What --fix-dry-run shows in the default format: a unified diff per file (the `diff` package,
 * loaded only here), coloured on a terminal, each line sanitized before it is coloured.
 */
async function writeDiffs(deps: Deps, results: FileResult[], colors: Colors): Promise<void> {
  const { createTwoFilesPatch } = await import('diff');
  for (const result of results) {
    if (result.output === undefined || result.source === undefined || result.output === result.source) continue;
    const name = displayPath(deps.cwd, result.file);
    const lines = createTwoFilesPatch(`a/${name}`, `b/${name}`, result.source, result.output)
      .split('\n')
      .filter((line) => !/^=+$/.test(line))
      .map((line) => sanitize(line.replace(/\t$/, '')));
    const colored = lines.map((line) =>
      /^(\+\+\+|---)/.test(line)
        ? colors.dim(line)
        : line.startsWith('+')
          ? colors.green(line)
          : line.startsWith('-')
            ? colors.red(line)
            : line,
    );
    deps.stdout.write(`${colored.join('\n').trimEnd()}\n\n`);
  }
}

/**
 * Posts from which a run over a few files asks git's index instead of walking the content folders. One post
 * linted on generated sites (median of 20): 100 posts, git 152 ms and walk 151 ms; 300 posts, 149 and 154;
 * 1,000 posts, 157 and 179.
 */
const INDEX_FROM_POSTS = 150;

/**
 * `--fix` of image-gps: each photo's metadata taken out without re-encoding (images/strip.ts), written
 * atomically, only inside the site by real path; its findings go. `--fix-dry-run` says what it would do.
 */
async function fixPhotos(deps: Deps, site: SiteConfig, results: FileResult[], write: boolean): Promise<FileResult[]> {
  const photos = new Set(results.flatMap((result) => result.diagnostics.flatMap((d) => (d.photo ? [d.photo] : []))));
  if (photos.size === 0) return results;
  const { withoutMetadata } = await import('../images/strip.js');
  const messages = (await catalog())[site.language].lint;
  const fixed = new Set<string>();
  for (const photo of photos) {
    const display = displayPath(deps.cwd, photo);
    try {
      const stripped = withoutMetadata(await deps.fs.readFile(photo));
      if (!stripped) continue;
      if (write) {
        await assertInside(deps.fs, site.root, photo, display);
        await writeFileAtomic(deps.fs, photo, stripped, { display });
        fixed.add(photo);
      }
      deps.stderr.write(`${write ? messages.photoFixed(display) : messages.photoWouldFix(display)}\n`);
    } catch (error) {
      if (!(error instanceof MeetupNoteError)) throw error;
      deps.stderr.write(`meetup-note: ${messageOf(error, (await catalog())[site.language])}\n`);
    }
  }
  return results.map((result) => ({
    ...result,
    diagnostics: result.diagnostics.filter((d) => !(d.photo && fixed.has(d.photo))),
  }));
}

/** The message catalog, loaded only when there is something to say (most commits have nothing). */
const catalog = async () => (await import('../i18n/messages.js')).MESSAGES;

/** What --fix says it did, on stderr: each file written and how many findings its fixes took away. */
async function reportFixes(
  deps: Deps,
  before: FileResult[],
  after: FileResult[],
  language: SiteConfig['language'],
): Promise<void> {
  const messages = (await catalog())[language];
  after.forEach((result, i) => {
    if (result.output === undefined || result.output === result.source) return;
    const fixable = (r: FileResult) => r.diagnostics.filter((d) => d.fix).length;
    const n = Math.max(1, fixable(before[i]!) - fixable(result));
    const file = displayPath(deps.cwd, result.file);
    deps.stderr.write(`${messages.lint.fixed(file, n)}\n`);
  });
}

/** Writes the report to stdout about 64 KB at a time; stylish ends with a line break, JSON and SARIF as they are. */
function writePieces(deps: Deps, pieces: Iterable<string>, endLine: boolean): void {
  let batch = '';
  let last = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= 1 << 16) {
      deps.stdout.write(batch);
      last = batch;
      batch = '';
    }
  }
  if (batch) deps.stdout.write(batch);
  if (endLine && (batch || last) && !(batch || last).endsWith('\n')) deps.stdout.write('\n');
}

export async function lintCommand(patterns: string[], options: LintOptions, deps: Deps): Promise<number> {
  const format = options.format ?? 'stylish';
  const loadFormatter = FORMATS[format];
  if (!loadFormatter) throw new UsageError((m) => m.input.format(format, Object.keys(FORMATS).join(', ')));
  let maxWarnings = -1;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1)
      throw new UsageError((m) => m.input.maxWarnings(String(options.maxWarnings)));
  }
  if (options.fix && options.fixDryRun) throw new UsageError((m) => m.input.fixTwice);

  const base = await resolveStartDir(deps, options.cwd);
  const site = await loadSiteFor(deps, options.cwd, base, patterns);
  const configSource = site.configFile ? displayPath(deps.cwd, site.configFile) : site.root;
  // A whole-site run reuses the content folders' listings for bundle images; a run over a few files needs a few.
  const listings = new Map<string, string[]>();
  // A run over a few files (pre-commit) learns the other posts from git's index and the term cache, not a
  // walk: git is asked now and answers while the posts are linted.
  const targets = patterns.length
    ? await expandTargets(deps, site, base, patterns)
    : await listPosts(deps.fs, site.root, site.contentDirs, (dir, names) => listings.set(dir, names));
  const summary =
    patterns.length && options.cache !== false
      ? await (await import('../site/term-cache.js')).loadSummary(deps, site)
      : undefined;
  // Below some posts the walk costs less than starting git: the last summary says how many there are.
  const indexed =
    patterns.length && options.cache !== false && (summary?.posts ?? Number.POSITIVE_INFINITY) >= INDEX_FROM_POSTS
      ? import('../site/indexed-posts.js').then(({ indexedPosts }) =>
          indexedPosts(site.root, site.contentDirs, targets),
        )
      : undefined;
  const lintOptions: LintPostsOptions = { useCache: options.cache !== false, listings };
  if (!patterns.length) lintOptions.allPosts = targets;
  if (indexed) lintOptions.indexed = indexed;
  if (summary) lintOptions.summary = summary;
  const { results: linted, linter, rules } = await lintPosts(deps, site, targets, lintOptions, configSource);
  let results = linted;
  if (options.fix || options.fixDryRun) {
    const fixed: FileResult[] = [];
    // One post after another: each fix takes the post's lock and writes it before the next is read.
    for (const result of results) fixed.push(await fixFile(deps, site, linter, result, Boolean(options.fix)));
    if (options.fix) await reportFixes(deps, results, fixed, site.language);
    results = await fixPhotos(deps, site, fixed, Boolean(options.fix));
  }
  if (options.quiet)
    results = results.map((result) => ({
      ...result,
      diagnostics: result.diagnostics.filter((d) => d.severity === 'error'),
    }));

  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warn').length, 0);

  const toFile = options.outputFile !== undefined;
  const color = !toFile && format === 'stylish' && wantsColor(deps.stdout, deps.env, options.color !== false);
  // Nothing to say in stylish: the formatter (and its colours) need not load, as on most commits.
  const quiet = format === 'stylish' && results.every((result) => result.diagnostics.length === 0);
  const wouldFix = Boolean(options.fixDryRun) && results.some((r) => r.output !== undefined && r.output !== r.source);
  if (!quiet || toFile || wouldFix) {
    const context: FormatContext = {
      cwd: deps.cwd,
      color,
      colors: await loadColors(color),
      version: (await import('../version.js')).packageVersion(),
      rules: rules.map(({ rule, severity }) => ({ id: rule.meta.id, description: rule.meta.description, severity })),
      dryRun: Boolean(options.fixDryRun),
      language: site.language,
    };
    if (options.fixDryRun && format === 'stylish' && !toFile) await writeDiffs(deps, results, context.colors!);
    const pieces = quiet ? [] : (await loadFormatter())(results, context);
    if (toFile) {
      const file = path.resolve(base, options.outputFile!);
      await writeFileAtomic(deps.fs, file, pieces, { display: displayPath(deps.cwd, file) });
    } else writePieces(deps, pieces, format === 'stylish');
  }

  const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings;
  if (tooManyWarnings && format === 'stylish')
    deps.stderr.write(`${(await catalog())[site.language].lint.tooManyWarnings(maxWarnings)}\n`);
  return errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}
