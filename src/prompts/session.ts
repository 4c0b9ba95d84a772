import type { Language } from '../config/types.js';
import { type Problem, describeProblem } from '../i18n/problems.js';
import type { Messages } from '../i18n/messages.js';
import type { QaPair, Session, Speaker } from '../post/session.js';
import { oneLineProblem, urlProblem } from '../post/text.js';
import type { Prompter, Validate } from './types.js';

export interface SessionContext {
  messages: Messages;
  language: Language;
}

function check(language: Language, test: (value: string) => Problem | undefined, required = false): Validate {
  return (value) => {
    if (!value.trim()) return required ? describeProblem({ id: 'required' }, language) : true;
    const problem = test(value.trim());
    return problem ? describeProblem(problem, language) : true;
  };
}

async function askSpeakers(prompter: Prompter, { messages: m, language }: SessionContext): Promise<Speaker[]> {
  const speakers: Speaker[] = [];
  for (;;) {
    const name = (await prompter.input({ message: m.askSpeaker, validate: check(language, oneLineProblem) })).trim();
    if (!name) return speakers;
    const affiliation = (
      await prompter.input({ message: m.askAffiliation(name), validate: check(language, oneLineProblem) })
    ).trim();
    speakers.push({ name, affiliation });
    if (!(await prompter.confirm({ message: m.askMoreSpeakers, default: false }))) return speakers;
  }
}

/**
 * Asks for Q&A pairs until the writer says no more, or leaves a question empty (the way out that
 * keeps the talk typed so far); `askFirst` asks whether to start at all.
 */
export async function askQaPairs(prompter: Prompter, context: SessionContext, askFirst: boolean): Promise<QaPair[]> {
  const { messages: m, language } = context;
  const pairs: QaPair[] = [];
  if (askFirst && !(await prompter.confirm({ message: m.askAddQa, default: false }))) return pairs;
  for (;;) {
    const question = (
      await prompter.input({ message: m.askQuestion, validate: check(language, oneLineProblem) })
    ).trim();
    if (!question) return pairs;
    const answer = (await prompter.input({ message: m.askAnswer, validate: check(language, oneLineProblem) })).trim();
    const asker = (await prompter.input({ message: m.askAsker, validate: check(language, oneLineProblem) })).trim();
    pairs.push({ question, answer, asker });
    if (!(await prompter.confirm({ message: m.askMoreQa, default: false }))) return pairs;
  }
}

/** What the writer gave as flags, and which parts they gave at all (an empty list given is still given). */
export interface KnownSession {
  title?: string;
  speakers?: Speaker[];
  slides?: string;
  video?: string;
  qa?: QaPair[];
  notes?: string;
}

/** Asks, in the order a talk unfolds, for each part of the talk that was not given. */
export async function askSession(prompter: Prompter, known: KnownSession, context: SessionContext): Promise<Session> {
  const { messages: m, language } = context;
  const title =
    known.title ??
    (await prompter.input({ message: m.askSessionTitle, validate: check(language, oneLineProblem, true) })).trim();
  const speakers = known.speakers ?? (await askSpeakers(prompter, context));
  const slides =
    known.slides ?? (await prompter.input({ message: m.askSlides, validate: check(language, urlProblem) })).trim();
  const video =
    known.video ?? (await prompter.input({ message: m.askVideo, validate: check(language, urlProblem) })).trim();
  const qa = known.qa ?? (await askQaPairs(prompter, context, true));
  const session: Session = { title, speakers, slides, video, qa };
  if (known.notes) session.notes = known.notes;
  return session;
}
