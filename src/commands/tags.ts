import path from 'node:path';
import { loadSite } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors.js';
import { createFile, readSnapshot, replaceFile } from '../io/files.js';
import { buildPostModel } from '../lint/model.js';
import { applyFixes } from '../lint/run.js';
import { oneLineProblem } from '../post/text.js';
import type { Prompter } from '../prompts/types.js';
import { allPostTerms } from '../site/term-cache.js';
import { withAlias } from '../tags/aliases.js';
import { formatTagReport } from '../tags/format.js';
import { planRename } from '../tags/rename.js';
import { type PostTermList, buildTagReport, clustersToFix } from '../tags/report.js';
import { displayPath } from './shared.js';

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
  if (!found) throw new UsageError(`--taxonomy ${option}: this site's taxonomies are ${site.taxonomyKeys.join(', ')}`);
  return [found];
}

function relative(site: SiteConfig, file: string): string {
  return path.relative(site.root, file).split(path.sep).join('/');
}

async function readTermLists(deps: Deps, site: SiteConfig, useCache: boolean): Promise<{ posts: PostTermList[]; unreadable: string[] }> {
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
  skipped: { file: string; reason: string; hasTerm: boolean }[];
}

/** Renames a term in every post that has it, one atomic write per post, nothing else touched. */
export async function renameTerm(deps: Deps, site: SiteConfig, taxonomies: string[], from: string, to: string, dryRun: boolean): Promise<RenameOutcome> {
  const outcome: RenameOutcome = { changed: [], merged: 0, skipped: [] };
  const terms = await allPostTerms(deps, site, true);
  const modelOptions = { taxonomyKeys: site.taxonomyKeys, imageKeys: [] };
  for (const [file, termsOfPost] of terms) {
    if (termsOfPost && !taxonomies.some((taxonomy) => termsOfPost[taxonomy]?.includes(from))) continue;
    const show = displayPath(deps.cwd, file);
    const { text, snapshot } = await readSnapshot(deps.fs, file);
    let current = text;
    let merged = false;
    // Removals side by side overlap: apply what does not, then plan again (as lint --fix does).
    for (let pass = 0; pass < 10; pass++) {
      const model = buildPostModel(file, Buffer.from(current, 'utf8'), modelOptions);
      if (model.fatal || model.syntax) {
        outcome.skipped.push({ file: show, reason: (model.fatal ?? model.syntax)!.message, hasTerm: false });
        break;
      }
      const plan = planRename(model, taxonomies, from, to);
      merged ||= plan.merged;
      if (plan.fixes.length === 0) {
        if (plan.blocked) outcome.skipped.push({ file: show, reason: plan.blocked, hasTerm: true });
        break;
      }
      current = applyFixes(current, plan.fixes);
    }
    if (current === text) continue;
    if (!dryRun) await replaceFile(deps.fs, snapshot, current, show);
    outcome.changed.push(show);
    if (merged) outcome.merged++;
  }
  return outcome;
}

async function recordAlias(deps: Deps, site: SiteConfig, from: string, to: string, dryRun: boolean): Promise<string> {
  const file = site.configFile ?? path.join(site.root, 'meetup-note.toml');
  const show = displayPath(deps.cwd, file);
  const read = await readSnapshot(deps.fs, file).catch(() => undefined);
  const next = withAlias(read?.text, from, to, show);
  if (dryRun) return show;
  if (read) await replaceFile(deps.fs, read.snapshot, next, show);
  else await createFile(deps.fs, file, next, show);
  return show;
}

function say(site: SiteConfig, en: string, ja: string): string {
  return site.language === 'ja' ? ja : en;
}

function checkTerm(name: string, value: string): void {
  if (!value.trim()) throw new UsageError(`<${name}> is empty; give the term`);
  const problem = oneLineProblem(value);
  if (problem) throw new UsageError(`<${name}> must be one line of text`);
}

export async function renameCommand(from: string, to: string, options: RenameOptions, deps: Deps): Promise<number> {
  checkTerm('from', from);
  checkTerm('to', to);
  if (from === to) throw new UsageError(`<from> and <to> are the same term ("${from}")`);
  const site = await loadSite(deps, options.cwd);
  const taxonomies = taxonomiesFor(site, options.taxonomy);
  const dryRun = Boolean(options.dryRun);
  const outcome = await renameTerm(deps, site, taxonomies, from, to, dryRun);
  for (const file of outcome.changed) deps.stdout.write(`${file}\n`);
  for (const { file, reason } of outcome.skipped) deps.stderr.write(`${file}: ${say(site, 'left alone', 'そのままにしました')}: ${reason}\n`);
  const n = outcome.changed.length;
  const merged = outcome.merged ? say(site, ` (${outcome.merged} already had "${to}": merged)`, `（${outcome.merged} 件はすでに「${to}」があったので統合）`) : '';
  deps.stderr.write(
    `${say(site, `${dryRun ? 'Would rename' : 'Renamed'} "${from}" to "${to}" in ${n} ${n === 1 ? 'post' : 'posts'}${merged}`, `「${from}」を「${to}」に${dryRun ? '変更します' : '変更しました'}: ${n} 件${merged}`)}\n`,
  );
  if (options.alias) {
    const config = await recordAlias(deps, site, from, to, dryRun);
    deps.stderr.write(`${say(site, `${dryRun ? 'Would record' : 'Recorded'} ${from} = "${to}" under [aliases] in ${config}`, `${config} の [aliases] に ${from} = "${to}" を${dryRun ? '記録します' : '記録しました'}`)}\n`);
  }
  // A post that has the term and could not be rewritten is a problem; one that cannot be read is only reported.
  return outcome.skipped.some((s) => s.hasTerm) ? EXIT_PROBLEMS : EXIT_OK;
}

export async function tagsCommand(options: TagsOptions, deps: Deps): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: use text or json`);
  const site = await loadSite(deps, options.cwd);
  const taxonomies = taxonomiesFor(site, options.taxonomy);
  const { posts, unreadable } = await readTermLists(deps, site, options.cache !== false);
  const report = buildTagReport(posts, { taxonomies, vocabulary: site.vocabulary, aliases: site.aliases });
  if (format === 'json') {
    deps.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    deps.stdout.write(formatTagReport(report, site.language));
  }
  for (const file of unreadable) deps.stderr.write(`${displayPath(deps.cwd, file)}: ${say(site, "its front matter cannot be read; its terms are not counted (see `meetup-note lint`)", 'フロントマターを読めないため数えていません（`meetup-note lint` を参照）')}\n`);
  if (format !== 'text' || !deps.interactive || options.yes) return EXIT_OK;
  const clusters = clustersToFix(report);
  if (clusters.length === 0) return EXIT_OK;
  const prompter = await deps.prompts();
  return fixClusters(deps, site, prompter, clusters);
}

/** On a terminal: each term with several spellings in turn, pick the one to keep, rename the others. */
async function fixClusters(deps: Deps, site: SiteConfig, prompter: Prompter, clusters: ReturnType<typeof clustersToFix>): Promise<number> {
  const { askCanonical } = await import('../prompts/tags.js');
  for (const { taxonomy, entry } of clusters) {
    const choice = await askCanonical(prompter, site.language, taxonomy, entry);
    if (choice.action === 'stop') break;
    if (choice.action === 'skip') continue;
    const spellings = [entry.term, ...entry.variants.map((v) => v.term)].filter((term) => term !== choice.term);
    for (const from of spellings) {
      const outcome = await renameTerm(deps, site, [taxonomy], from, choice.term, false);
      for (const file of outcome.changed) deps.stdout.write(`${file}\n`);
      deps.stderr.write(`${say(site, `Renamed "${from}" to "${choice.term}" in ${outcome.changed.length} posts`, `「${from}」を「${choice.term}」に変更しました: ${outcome.changed.length} 件`)}\n`);
      if (choice.alias) await recordAlias(deps, site, from, choice.term, false);
    }
    // The config changed: later clusters read the site again.
    site = await loadSite(deps, site.root);
  }
  return EXIT_OK;
}
