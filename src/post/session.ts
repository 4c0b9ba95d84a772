import { honorificFor } from '../i18n/honorific.js';
import type { Problem } from '../i18n/problems.js';
import { type Template, renderTemplate } from '../templates/render.js';
import { markdownUrl } from '../templates/markdown.js';
import { oneLineProblem, urlProblem } from './text.js';

export interface Speaker {
  name: string;
  affiliation: string;
}

export interface QaPair {
  question: string;
  answer: string;
  asker: string;
}

export interface Session {
  title: string;
  speakers: Speaker[];
  slides: string;
  video: string;
  qa: QaPair[];
  /** Notes taken during the talk (the body of a `--from` note), Markdown as written. */
  notes?: string;
}

export interface SessionProblem {
  /** The flag (or `--from` key) that holds the bad value. */
  field: string;
  problem: Problem;
}

/**
 * Checks the fields that are there: one-line text, http(s) URLs, answers that may span lines. A
 * complete session also needs its title.
 */
export function sessionProblems(session: Partial<Session>, complete = true): SessionProblem[] {
  const problems: SessionProblem[] = [];
  const add = (field: string, problem: Problem | undefined) => {
    if (problem) problems.push({ field, problem });
  };
  if (session.title !== undefined || complete)
    add('title', session.title?.trim() ? oneLineProblem(session.title) : { id: 'required' });
  session.speakers?.forEach((s) => {
    add('speaker', oneLineProblem(s.name));
    add('affiliation', oneLineProblem(s.affiliation));
  });
  if (session.slides) add('slides', urlProblem(session.slides.trim()));
  if (session.video) add('video', urlProblem(session.video.trim()));
  problems.push(...qaProblems(session.qa ?? []));
  return problems;
}

export function qaProblems(pairs: QaPair[]): SessionProblem[] {
  const problems: SessionProblem[] = [];
  for (const pair of pairs) {
    const question = pair.question.trim() ? multiLineProblem(pair.question) : { id: 'required' as const };
    if (question) problems.push({ field: 'question', problem: question });
    const answer = multiLineProblem(pair.answer);
    if (answer) problems.push({ field: 'answer', problem: answer });
    const asker = oneLineProblem(pair.asker);
    if (asker) problems.push({ field: 'asker', problem: asker });
  }
  return problems;
}

/** Text that may have line breaks but no other control characters. */
function multiLineProblem(value: string): Problem | undefined {
  return oneLineProblem(value.replace(/\r?\n/g, ' '));
}

/** The Q&A pairs as Markdown; `afterPairs` puts a separator first, for a block that has pairs already. */
export function renderQa(template: Template, pairs: QaPair[], withHeading: boolean, afterPairs: boolean): string {
  if (pairs.length === 0) return '';
  return renderTemplate(template, 'qa', {
    heading: withHeading,
    pairs: pairs.map((pair, i) => ({
      first: i === 0 && !afterPairs,
      question: pair.question.trim(),
      answer: pair.answer.trim(),
      asker: pair.asker.trim(),
      honorific: honorificFor(pair.asker),
    })),
  });
}

export function renderSession(template: Template, qaTemplate: Template, session: Session, number: number): string {
  return renderTemplate(template, 'session', {
    number: String(number),
    title: session.title.trim(),
    speakers: session.speakers
      .filter((s) => s.name.trim())
      .map((s) => ({ name: s.name.trim(), honorific: honorificFor(s.name), affiliation: s.affiliation.trim() })),
    slides: session.slides ? markdownUrl(session.slides.trim()) : '',
    video: session.video ? markdownUrl(session.video.trim()) : '',
    notes: session.notes?.trim() ?? '',
    qa: renderQa(qaTemplate, session.qa, true, false),
  });
}
