import path from 'node:path';
import { loadSite, resolveStartDir } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { FileProblemError, InputError } from '../errors.js';
import { writeJournal } from '../io/cache.js';
import { type Commit, type EditTarget, commitEdit, openForEdit, realFolders } from '../io/files.js';
import type { FrontMatter } from '../post/frontmatter.js';
import { MESSAGES, type Messages } from '../i18n/messages.js';
import { parsePost } from '../post/parse.js';
import { type Edit, type Outline, UnclosedBlockError, applyEdit, outlineBody } from '../post/sessions.js';
import type { Prompter } from '../prompts/types.js';
import type { ReportChoice } from '../site/current-report.js';
import { isPostFile } from '../site/posts.js';
import { displayPath } from '../io/paths.js';

export interface TargetPost extends EditTarget {
  site: SiteConfig;
  frontMatter: FrontMatter;
  /** How the post was chosen when none was named: the report being written, and why it is that one. */
  picked?: ReportChoice['reason'];
}

/** Chooses among the reports being written (on a terminal: asks, the default first). */
export type ReportPicker = (choices: ReportChoice[], site: SiteConfig) => Promise<ReportChoice>;

/** Opens a post of the site for an edit: a Markdown file whose real path lies in a content folder, UTF-8. */
export async function openPost(deps: Deps, site: SiteConfig, file: string): Promise<EditTarget> {
  const shown = { display: displayPath(deps.cwd, file) };
  if (!isPostFile(file)) throw new FileProblemError({ id: 'notPost' }, shown.display);
  return openForEdit(deps.fs, file, await realFolders(deps.fs, site.root, site.contentDirs), shown);
}

/**
 * Writes an edit of a site file under its lock, building on what another meetup-note wrote meanwhile (see
 * `commitEdit`).
 */
export function commitJournaledEdit(deps: Deps, commit: Commit): Promise<string> {
  return commitEdit(deps.fs, writeJournal(deps), commit);
}

/** The post named on the command line (its own site's config applies), else the site's most recently changed post. */
export async function resolveTargetPost(
  postArgument: string | undefined,
  cwdOption: string | undefined,
  deps: Deps,
  pick?: ReportPicker,
): Promise<TargetPost> {
  let file: string;
  let site: SiteConfig;
  let picked: ReportChoice['reason'] | undefined;
  if (postArgument !== undefined) {
    file = path.resolve(await resolveStartDir(deps, cwdOption), postArgument);
    const stat = await deps.fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) throw new InputError((m) => m.input.noSuchPost, displayPath(deps.cwd, file));
    site = await loadSite(deps, path.dirname(file));
  } else {
    site = await loadSite(deps, cwdOption);
    // Loaded only when no post is named: finding the report being written reads the site's posts.
    const { reportsBeingWritten } = await import('../site/current-report.js');
    const choices = await reportsBeingWritten(deps, site);
    if (choices.length === 0) throw new InputError((m) => m.input.noPosts(site.contentDirs.join(', ')), site.root);
    const choice = pick ? await pick(choices, site) : choices[0]!;
    file = choice.file;
    picked = choice.reason;
  }
  const target = await openPost(deps, site, file);
  const parsed = parsePost(target.text);
  if (parsed.kind === 'none') throw new InputError((m) => m.input.noFrontMatter, target.display);
  if (parsed.kind === 'unclosed')
    throw new InputError((m) => m.input.unclosed(parsed.delimiter), `${target.display}:1:1`);
  if (parsed.kind === 'notTable')
    throw new InputError((m) => m.rules.frontMatterNotTable, `${target.display}:${parsed.frontMatter.startLine}:1`);
  if (parsed.kind === 'invalid') {
    throw new InputError(
      (m) => m.input.invalid(parsed.frontMatter.format.toUpperCase(), parsed.failure.message),
      `${target.display}:${parsed.failure.line}:${parsed.failure.column}`,
    );
  }
  const result: TargetPost = { ...target, site, frontMatter: parsed.frontMatter };
  if (picked) result.picked = picked;
  return result;
}

/**
 * Writes the edit under the post's lock. If another meetup-note added to the post meanwhile, `replan`
 * places the same text again on the new bytes; if it cannot, or the write fails (a full disk), the
 * writer's input is printed so nothing typed is lost.
 */
export async function writeEdit(
  deps: Deps,
  target: TargetPost,
  edit: Edit,
  m: Messages,
  replan: (text: string) => Edit | undefined,
): Promise<Edit> {
  let written = edit;
  try {
    await commitJournaledEdit(deps, {
      target,
      text: applyEdit(target.text, edit),
      replan: (text) => {
        const again = replan(text);
        if (!again) return undefined;
        written = again;
        return applyEdit(text, again);
      },
    });
    return written;
  } catch (error) {
    deps.stderr.write(`${m.unsaved}\n\n${edit.text.replace(/^\r?\n/, '')}\n`);
    throw error;
  }
}

/**
 * The body's outline of a post's text as it is now (another writer may have changed it), or undefined if it cannot be
 * read.
 */
export function outlineOf(text: string, target: TargetPost): { outline: Outline; bodyStart: number } | undefined {
  const parsed = parsePost(text);
  if (parsed.kind !== 'ok') return undefined;
  const { bodyStart } = parsed.frontMatter;
  return { outline: outlineBody(text, bodyStart, target.site.session), bodyStart };
}

/** A plan made again on changed text: undefined when the insertion would now land in an open block. */
export function planAgain(plan: () => Edit): Edit | undefined {
  try {
    return plan();
  } catch (error) {
    if (error instanceof UnclosedBlockError) return undefined;
    throw error;
  }
}

/** Without a post named, on a terminal: which report, the one being written first (no question without a terminal). */
export function reportPicker(
  deps: Deps,
  postArgument: string | undefined,
  yes: boolean | undefined,
  given?: Prompter,
): ReportPicker | undefined {
  if (postArgument !== undefined || !deps.interactive || yes) return undefined;
  return async (choices, site) => {
    const prompter = given ?? (await deps.prompts());
    const m = MESSAGES[site.language];
    return prompter.select({
      message: m.askWhichReport,
      choices: choices.slice(0, 10).map((choice, i) => ({
        value: choice,
        name: `${displayPath(deps.cwd, choice.file)}${i === 0 ? `  (${m.reportReason[choice.reason]})` : ''}`,
      })),
      default: choices[0]!,
    });
  };
}
