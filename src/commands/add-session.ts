import { lineColumnAt } from '../text/positions.js';
import type { Deps } from '../deps.js';
import { InputError, UsageError } from '../errors.js';
import { MESSAGES, type Messages } from '../i18n/messages.js';
import {
  type Session,
  type SessionProblem,
  qaProblems,
  renderQa,
  renderSession,
  sessionProblems,
} from '../post/session.js';
import { parsePost } from '../post/parse.js';
import {
  type Edit,
  type SessionRange,
  UnclosedBlockError,
  applyEdit,
  nextSessionNumber,
  outlineBody,
  planQaInsert,
  planSessionInsert,
} from '../post/sessions.js';
import type { Prompter } from '../prompts/types.js';
import { loadTemplate } from '../templates/render.js';
import { type TargetPost, outlineOf, planAgain, reportPicker, resolveTargetPost, writeEdit } from './post-target.js';
import { type SessionFlags, knownSession, pairQa } from './session-input.js';

export interface AddSessionOptions extends SessionFlags {
  cwd?: string;
  yes?: boolean;
  dryRun?: boolean;
  /** False when `new` goes on to the first talk: it has printed the path already. */
  printPath?: boolean;
}

export interface AddQaOptions {
  cwd?: string;
  session?: string;
  question?: string[];
  answer?: string[];
  asker?: string[];
  yes?: boolean;
  dryRun?: boolean;
}

function firstProblem(problems: SessionProblem[]): UsageError | undefined {
  const [first] = problems;
  return first && new UsageError((m) => m.cli.flagProblem(`--${first.field}`, m.problem(first.problem)));
}

/** Plans an edit; one that would land in a code block or comment left open is refused with its line. */
function planOrRefuse(target: TargetPost, plan: () => Edit): Edit {
  try {
    return plan();
  } catch (error) {
    if (!(error instanceof UnclosedBlockError)) throw error;
    throw new InputError((m) => m.input.unclosedBlock, `${target.display}:${lineOf(target.text, error.openerStart)}:1`);
  }
}

function lineOf(text: string, offset: number): number {
  return lineColumnAt(text, offset).line;
}

function report(deps: Deps, target: TargetPost, m: Messages): void {
  if (target.picked) deps.stderr.write(`${m.pickedPost(target.display, target.picked)}\n`);
}

async function prompterFor(deps: Deps, yes: boolean | undefined, given?: Prompter): Promise<Prompter | undefined> {
  if (given) return given;
  return deps.interactive && !yes ? deps.prompts() : undefined;
}

/** Appends a numbered talk to the post: flags, then prompts for what is missing, then one atomic splice. */
export async function addSessionCommand(
  postArgument: string | undefined,
  options: AddSessionOptions,
  deps: Deps,
  given?: Prompter,
): Promise<number> {
  const target = await resolveTargetPost(
    postArgument,
    options.cwd,
    deps,
    reportPicker(deps, postArgument, options.yes, given),
  );
  const { site } = target;
  const m = MESSAGES[site.language];
  report(deps, target, m);
  const known = await knownSession(options, deps, deps.cwd);
  // A bad flag stops before the prompts, not after the writer has typed the rest.
  const invalidFlag = firstProblem(sessionProblems(known, false));
  if (invalidFlag) throw invalidFlag;
  const prompter = await prompterFor(deps, options.yes, given);
  let session: Session;
  if (prompter) {
    const { askSession } = await import('../prompts/session.js');
    session = await askSession(prompter, known, { messages: m, language: site.language });
  } else {
    if (known.title === undefined)
      throw new UsageError((m) => m.cli.required('--title', deps.interactive, 'Go活用事例'));
    session = {
      title: known.title,
      speakers: known.speakers ?? [],
      slides: known.slides ?? '',
      video: known.video ?? '',
      qa: known.qa ?? [],
    };
    if (known.notes) session.notes = known.notes;
  }
  const invalid = firstProblem(sessionProblems(session));
  if (invalid) throw invalid;

  const [template, qaTemplate] = await Promise.all([
    loadTemplate(deps.fs, site, 'session', site.language),
    loadTemplate(deps.fs, site, 'qa', site.language),
  ]);
  const outline = outlineBody(target.text, target.frontMatter.bodyStart, site.session);
  const number = nextSessionNumber(outline);
  const section = renderSession(template, qaTemplate, session, number);
  const edit = planOrRefuse(target, () =>
    planSessionInsert(target.text, target.frontMatter.bodyStart, outline, section),
  );
  if (options.dryRun) {
    deps.stderr.write(`${m.wouldAddSession(number, lineOf(target.text, edit.start), target.display)}\n`);
    deps.stdout.write(edit.text);
    return 0;
  }
  let writtenNumber = number;
  await writeEdit(deps, target, edit, m, (text) => {
    // Another add-session came first: this talk takes the next number after its.
    const now = outlineOf(text, target);
    if (!now) return undefined;
    writtenNumber = nextSessionNumber(now.outline);
    const renumbered = renderSession(template, qaTemplate, session, writtenNumber);
    return planAgain(() => planSessionInsert(text, now.bodyStart, now.outline, renumbered));
  });
  if (options.printPath !== false) deps.stdout.write(`${target.display}\n`);
  deps.stderr.write(`${m.addedSession(writtenNumber, session.title.trim(), target.display)}\n`);
  if (session.qa.length === 0) deps.stderr.write(`${m.nextQa(target.display)}\n`);
  return 0;
}

/** Adds Q&A pairs to talk n (default: the last): into its Q&A block, or a new block at its end. */
export async function addQaCommand(
  postArgument: string | undefined,
  options: AddQaOptions,
  deps: Deps,
): Promise<number> {
  const target = await resolveTargetPost(
    postArgument,
    options.cwd,
    deps,
    reportPicker(deps, postArgument, options.yes),
  );
  const { site } = target;
  const m = MESSAGES[site.language];
  report(deps, target, m);
  const outline = outlineBody(target.text, target.frontMatter.bodyStart, site.session);
  if (outline.sessions.length === 0) throw new UsageError((m) => m.input.noTalks(target.display));
  let session = outline.sessions.at(-1)!;
  if (options.session !== undefined) {
    const wanted = Number(options.session);
    const found = outline.sessions.find((s) => s.number === wanted);
    if (!Number.isInteger(wanted) || !found) {
      throw new UsageError((m) =>
        m.input.noSuchTalk(String(options.session), target.display, outline.sessions.map((s) => s.number).join(', ')),
      );
    }
    session = found;
  } else if (deps.interactive && !options.yes && outline.sessions.length > 1) {
    // On a terminal the talk is asked, not guessed: the last one is the default.
    const prompter = await deps.prompts();
    session = await prompter.select({
      message: m.askWhichTalk,
      // Shown as the page shows it: Markdown backslash escapes (`\\[`) dropped.
      choices: outline.sessions.map((s) => ({
        value: s,
        name: `${s.number}. ${s.title.replace(/\\([!-/:-@[-`{-~])/g, '$1')}`,
      })),
      default: session,
    });
  }
  let pairs = pairQa(options.question ?? [], options.answer ?? [], options.asker ?? []);
  const prompter = pairs.length === 0 ? await prompterFor(deps, options.yes) : undefined;
  if (prompter) {
    const { askQaPairs } = await import('../prompts/session.js');
    pairs = await askQaPairs(prompter, { messages: m, language: site.language }, false);
  }
  if (pairs.length === 0) throw new UsageError((m) => m.input.qaRequired(deps.interactive));
  const invalid = firstProblem(qaProblems(pairs));
  if (invalid) throw invalid;
  const qaTemplate = await loadTemplate(deps.fs, site, 'qa', site.language);
  const render = (withHeading: boolean, afterPairs: boolean) => renderQa(qaTemplate, pairs, withHeading, afterPairs);
  const edit = planOrRefuse(target, () => planQaInsert(target.text, outline, session, render));
  if (options.dryRun) {
    deps.stderr.write(`${m.wouldAddQa(session.number, lineOf(target.text, edit.start), target.display)}\n`);
    deps.stdout.write(edit.text);
    return 0;
  }
  const chosen: SessionRange = session;
  await writeEdit(deps, target, edit, m, (text) => {
    // The same talk (number and title) in the new text, or the Q&A has nowhere to go.
    const same = outlineOf(text, target)?.outline;
    const talk = same?.sessions.find((s) => s.number === chosen.number && s.title === chosen.title);
    return same && talk ? planAgain(() => planQaInsert(text, same, talk, render)) : undefined;
  });
  deps.stdout.write(`${target.display}\n`);
  deps.stderr.write(`${m.addedQa(pairs.length, session.number, target.display)}\n`);
  return 0;
}

/**
 * A new post's text with its talks appended as add-session adds them, numbered in turn: `new
 * --from-url` writes the post and its talks in one file creation, so it is all there or none of it.
 */
export async function appendSessions(
  deps: Deps,
  site: TargetPost['site'],
  text: string,
  sessions: Session[],
): Promise<string> {
  const [template, qaTemplate] = await Promise.all([
    loadTemplate(deps.fs, site, 'session', site.language),
    loadTemplate(deps.fs, site, 'qa', site.language),
  ]);
  let current = text;
  for (const session of sessions) {
    const parsed = parsePost(current);
    if (parsed.kind !== 'ok') return current;
    const { bodyStart } = parsed.frontMatter;
    const outline = outlineBody(current, bodyStart, site.session);
    const section = renderSession(template, qaTemplate, session, nextSessionNumber(outline));
    current = applyEdit(current, planSessionInsert(current, bodyStart, outline, section));
  }
  return current;
}
