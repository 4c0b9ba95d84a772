import path from 'node:path';
import { loadSite } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { EXIT_OK, EXIT_PROBLEMS, FileProblemError, MeetupNoteError, UsageError } from '../errors.js';
import { assertInside, createFile, openForEdit, realFolders } from '../io/files.js';
import { type ModelOptions, buildPostModel } from '../post/model.js';
import { fixUntilStable } from '../post/edits.js';
import { MESSAGES, type Messages } from '../i18n/messages.js';
import { jsonForTerminal } from '../io/sanitize.js';
import { foldTerm } from '../site/terms.js';
import { closeNames } from '../text/similar.js';
import { oneLineProblem } from '../post/text.js';
import type { Prompter } from '../prompts/types.js';
import { type PostTerms, allPostTerms } from '../site/term-cache.js';
import { withAlias } from '../tags/aliases.js';
import { formatTagReport } from '../tags/format.js';
import { planRename } from '../tags/rename.js';
import { type PostTermList, buildTagReport, clustersToFix } from '../tags/report.js';
import { commitJournaledEdit, openPost } from './post-target.js';
import { displayPath } from '../io/paths.js';

export interface TagsOptions {
  cwd?: string;
  taxonomy?: string;
  format?: string;
  cache?: boolean;
  yes?: boolean;
}

export interface RenameOptions {
  cwd?: string;
  taxonomy?: string;
  dryRun?: boolean;
  alias?: boolean;
}

/** The taxonomies to work on: the one named (as the site spells it), else all of the site's. */
function taxonomiesFor(site: SiteConfig, option: string | undefined): string[] {
  if (option === undefined) return site.taxonomyKeys;
  const found = site.taxonomyKeys.find((key) => key.toLowerCase() === option.toLowerCase());
  if (!found) throw new UsageError((m) => m.input.taxonomy(option, site.taxonomyKeys.join(', ')));
  return [found];
}

function relative(site: SiteConfig, file: string): string {
  return path.relative(site.root, file).split(path.sep).join('/');
}

async function readTermLists(
  deps: Deps,
  site: SiteConfig,
  useCache: boolean,
): Promise<{ posts: PostTermList[]; unreadable: string[] }> {
  const terms = await allPostTerms(deps, site, useCache);
  const posts: PostTermList[] = [];
  const unreadable: string[] = [];
  for (const [file, termsOfPost] of terms) {
    if (termsOfPost) posts.push({ file: relative(site, file), terms: termsOfPost });
    else unreadable.push(file);
  }
  return { posts, unreadable };
}

export interface RenameOutcome {
  changed: string[];
  /** Posts that had the new term already: the old one was taken out. */
  merged: number;
  /** Posts left alone: their front matter cannot be read, or the term is written in a form not rewritten. */
  skipped: { file: string; reason: (m: Messages) => string; hasTerm: boolean }[];
}

interface RenamedText {
  text: string;
  merged: boolean;
  /** Why the post, or a term in it, was left as it was. */
  blocked?: (m: Messages) => string;
  /** True when the post has the term (so leaving it is a problem, not just a post that cannot be read). */
  hasTerm: boolean;
}

/**
 * The post's text with the term renamed; removals side by side overlap, so what does not is applied, then planned
 * again.
 */
function renameInText(
  site: SiteConfig,
  file: string,
  text: string,
  taxonomies: string[],
  from: string,
  to: string,
): RenamedText {
  const modelOptions: ModelOptions = { taxonomyKeys: site.taxonomyKeys, imageKeys: [] };
  const out: RenamedText = { text, merged: false, hasTerm: false };
  out.text = fixUntilStable(text, (current) => {
    const model = buildPostModel(file, current, modelOptions);
    const { fatal, syntax } = model;
    if (fatal) out.blocked = (m) => m.problem(fatal.problem);
    else if (syntax) out.blocked = (m) => m.rules.syntax(syntax.problem);
    if (fatal || syntax) return undefined;
    const plan = planRename(model, taxonomies, from, to);
    out.merged ||= plan.merged;
    out.hasTerm ||= plan.found > 0;
    if (plan.blocked) out.blocked = plan.blocked;
    else delete out.blocked;
    return plan.fixes;
  });
  return out;
}

/**
 * Renames a term in every post that has it, one locked, atomic write per post, nothing else touched.
 * A post that cannot be read or written (not UTF-8, a link out of the site, a full disk) is one line
 * in `skipped`, and the other posts are still renamed.
 */
export async function renameTerm(
  deps: Deps,
  site: SiteConfig,
  terms: Map<string, PostTerms>,
  taxonomies: string[],
  from: string,
  to: string,
  dryRun: boolean,
): Promise<RenameOutcome> {
  const outcome: RenameOutcome = { changed: [], merged: 0, skipped: [] };
  for (const [file, termsOfPost] of terms) {
    if (termsOfPost && !taxonomies.some((taxonomy) => termsOfPost[taxonomy]?.includes(from))) continue;
    const show = displayPath(deps.cwd, file);
    try {
      const target = await openPost(deps, site, file);
      const renamed = renameInText(site, file, target.text, taxonomies, from, to);
      if (renamed.blocked) outcome.skipped.push({ file: show, reason: renamed.blocked, hasTerm: renamed.hasTerm });
      if (renamed.text === target.text) continue;
      if (!dryRun) {
        // Another meetup-note wrote the post meanwhile (a talk added): rename in what it wrote.
        const replan = (text: string) => {
          const again = renameInText(site, file, text, taxonomies, from, to);
          return again.blocked ? undefined : again.text;
        };
        await commitJournaledEdit(deps, { target, text: renamed.text, replan });
      }
      outcome.changed.push(show);
      if (renamed.merged) outcome.merged++;
    } catch (error) {
      if (!(error instanceof MeetupNoteError)) throw error;
      const wrote =
        error instanceof FileProblemError && ['writeFailed', 'locked', 'changed'].includes(error.problem.id);
      outcome.skipped.push({ file: show, reason: error.say, hasTerm: wrote || termsOfPost !== null });
    }
  }
  return outcome;
}

/** Records an alias in meetup-note.toml (created if missing), editing only what withAlias changes. */
async function recordAlias(deps: Deps, site: SiteConfig, from: string, to: string, dryRun: boolean): Promise<string> {
  const file = site.configFile ?? path.join(site.root, 'meetup-note.toml');
  const shown = { display: displayPath(deps.cwd, file) };
  const existing = site.configFile
    ? await openForEdit(deps.fs, file, await realFolders(deps.fs, site.root, ['.']), shown)
    : undefined;
  const next = withAlias(existing?.text, from, to, shown.display);
  if (dryRun) return shown.display;
  if (existing)
    await commitJournaledEdit(deps, {
      target: existing,
      text: next,
      replan: (text) => withAlias(text, from, to, shown.display),
    });
  else {
    await assertInside(deps.fs, site.root, file, shown.display);
    await createFile(deps.fs, file, next, shown.display);
  }
  return shown.display;
}

function checkTerm(name: string, value: string): void {
  if (!value.trim()) throw new UsageError((m) => m.input.termEmpty(name));
  const problem = oneLineProblem(value);
  if (problem) throw new UsageError((m) => m.input.termLine(name));
}

/**
 * The spellings of `from` the site uses in these taxonomies that Hugo files under one page (the same
 * after case and width folding), `from` first, `to` left out; and every term used, for suggestions.
 */
async function spellingsOf(
  deps: Deps,
  site: SiteConfig,
  taxonomies: string[],
  from: string,
  to: string,
): Promise<{ spellings: string[]; used: Set<string>; terms: Map<string, PostTerms> }> {
  const used = new Set<string>();
  const terms = await allPostTerms(deps, site, true);
  for (const termsOfPost of terms.values()) {
    for (const taxonomy of taxonomies) for (const term of termsOfPost?.[taxonomy] ?? []) used.add(term);
  }
  const fold = foldTerm(from);
  const spellings = [...used]
    .filter((term) => term !== to && foldTerm(term) === fold)
    .sort((a, b) => (a === from ? -1 : b === from ? 1 : a.localeCompare(b)));
  return { spellings, used, terms };
}

export async function renameCommand(from: string, to: string, options: RenameOptions, deps: Deps): Promise<number> {
  checkTerm('from', from);
  checkTerm('to', to);
  if (from === to) throw new UsageError((m) => m.input.sameTerm(from));
  const site = await loadSite(deps, options.cwd);
  const m = MESSAGES[site.language];
  const taxonomies = taxonomiesFor(site, options.taxonomy);
  const dryRun = Boolean(options.dryRun);
  // The site's terms are read once: a post renamed for one spelling is only looked at again for the next.
  const { spellings, used, terms } = await spellingsOf(deps, site, taxonomies, from, to);
  if (spellings.length === 0) {
    // Renaming what no post has is a typo more often than not: say so, with the terms it may have meant.
    const near = closeNames(from, used);
    deps.stderr.write(`${m.tags.noSuchTerm(from, near)}\n`);
    return EXIT_PROBLEMS;
  }
  let problems = false;
  // A post that cannot be read is looked at for each spelling: said once.
  const said = new Set<string>();
  // Every spelling Hugo merges with `from` (golang, Golang, ＧＯＬＡＮＧ) is renamed, each said.
  for (const spelling of spellings) {
    const outcome = await renameTerm(deps, site, terms, taxonomies, spelling, to, dryRun);
    for (const file of outcome.changed) deps.stdout.write(`${file}\n`);
    for (const { file, reason } of outcome.skipped) {
      const line = `${m.tags.leftAlone(file, reason(m))}\n`;
      if (!said.has(line)) deps.stderr.write(line);
      said.add(line);
    }
    deps.stderr.write(`${m.tags.renamed(spelling, to, outcome.changed.length, outcome.merged, dryRun)}\n`);
    // A post that has the term and could not be rewritten is a problem; one that cannot be read is only reported.
    problems ||= outcome.skipped.some((s) => s.hasTerm);
  }
  if (options.alias) {
    const config = await recordAlias(deps, site, from, to, dryRun);
    deps.stderr.write(`${m.tags.recorded(from, to, config, dryRun)}\n`);
  }
  return problems ? EXIT_PROBLEMS : EXIT_OK;
}

export async function tagsCommand(options: TagsOptions, deps: Deps): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError((m) => m.input.tagsFormat(format));
  const site = await loadSite(deps, options.cwd);
  const taxonomies = taxonomiesFor(site, options.taxonomy);
  const { posts, unreadable } = await readTermLists(deps, site, options.cache !== false);
  const report = buildTagReport(posts, { taxonomies, vocabulary: site.vocabulary, aliases: site.aliases });
  if (format === 'json') {
    deps.stdout.write(`${jsonForTerminal(JSON.stringify(report, null, 2))}\n`);
  } else {
    deps.stdout.write(formatTagReport(report, site.language));
  }
  for (const file of unreadable)
    deps.stderr.write(`${MESSAGES[site.language].tags.unreadable(displayPath(deps.cwd, file))}\n`);
  if (format !== 'text' || !deps.interactive || options.yes) return EXIT_OK;
  const clusters = clustersToFix(report);
  if (clusters.length === 0) return EXIT_OK;
  const prompter = await deps.prompts();
  return fixClusters(deps, site, prompter, clusters);
}

/** On a terminal: each term with several spellings in turn, pick the one to keep, rename the others. */
async function fixClusters(
  deps: Deps,
  site: SiteConfig,
  prompter: Prompter,
  clusters: ReturnType<typeof clustersToFix>,
): Promise<number> {
  const { askCanonical } = await import('../prompts/tags.js');
  for (const { taxonomy, entry } of clusters) {
    const choice = await askCanonical(prompter, site.language, taxonomy, entry);
    if (choice.action === 'stop') break;
    if (choice.action === 'skip') continue;
    const spellings = [entry.term, ...entry.variants.map((v) => v.term)].filter((term) => term !== choice.term);
    const terms = await allPostTerms(deps, site, true);
    for (const from of spellings) {
      const outcome = await renameTerm(deps, site, terms, [taxonomy], from, choice.term, false);
      for (const file of outcome.changed) deps.stdout.write(`${file}\n`);
      deps.stderr.write(
        `${MESSAGES[site.language].tags.renamed(from, choice.term, outcome.changed.length, outcome.merged, false)}\n`,
      );
      if (choice.alias) await recordAlias(deps, site, from, choice.term, false);
    }
    // The config changed: later clusters read the site again.
    site = await loadSite(deps, site.root);
  }
  return EXIT_OK;
}
