import { lineBreakOf } from './text.js';
import type { SessionSettings } from '../config/types.js';
import { type Heading, type Line, headingOf, lastContentLine, lineAt, scanMarkdown } from './markdown-lines.js';

/** A numbered talk of a report: `# 1. Title` up to the next talk or the closing part. */
export interface SessionRange {
  number: number;
  title: string;
  level: number;
  /** Offset of the heading line. */
  start: number;
  /** Offset where the next talk, the closing part or the text ends. */
  end: number;
}

export interface Outline {
  sessions: SessionRange[];
  /** Offset of the closing part's first line (marker comment or closing heading), if any. */
  closingStart?: number;
  /** The headings and one-line comments of the body, outside code. */
  lines: Line[];
  /** Offset of a code fence or HTML comment left open at the end of the post: nothing can be appended after it. */
  unclosed?: number;
}

/** A change to the text: replace [start, end) with text (an insertion when start = end). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** An insertion that would land inside a code block or comment left open: the offset of its opening line. */
export class UnclosedBlockError extends Error {
  constructor(readonly openerStart: number) {
    super('the insertion would land in an unclosed code block or comment');
  }
}

function checkNotInOpenBlock(outline: Outline, edit: Edit): Edit {
  if (outline.unclosed !== undefined && outline.unclosed < edit.start) throw new UnclosedBlockError(outline.unclosed);
  return edit;
}

const NUMBERED = /^(\d+)\.\s+(.*)$/;
const QA_HEADING = /^(q\s*&\s*a|qa|q\s*and\s*a|質疑応答|質疑|質問)$/i;

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

function isClosingHeading(heading: Heading, settings: SessionSettings): boolean {
  const text = fold(heading.text);
  return settings.endHeadings.some((closing) => text.startsWith(fold(closing)));
}

/** Finds the talks and the closing part of the body, skipping code blocks and comments. */
export function outlineBody(text: string, bodyStart: number, settings: SessionSettings): Outline {
  const { lines, unclosed } = scanMarkdown(text, bodyStart);
  const sessions: SessionRange[] = [];
  let sessionLevel: number | undefined;
  let closingStart: number | undefined;
  let markerStart: number | undefined;
  for (const line of lines) {
    if (markerStart === undefined && line.text.trim() === settings.endMarker) {
      markerStart = line.start;
      continue;
    }
    const heading = headingOf(line);
    if (!heading) continue;
    const numbered = NUMBERED.exec(heading.text);
    if (
      numbered &&
      heading.level <= 2 &&
      (sessionLevel === undefined || heading.level === sessionLevel) &&
      markerStart === undefined
    ) {
      sessionLevel = heading.level;
      sessions.push({
        number: Number(numbered[1]),
        title: numbered[2]!,
        level: heading.level,
        start: line.start,
        end: text.length,
      });
      closingStart = undefined;
      continue;
    }
    if (closingStart === undefined && heading.level <= (sessionLevel ?? 2) && isClosingHeading(heading, settings))
      closingStart = line.start;
  }
  const closing = markerStart ?? closingStart;
  sessions.forEach((session, i) => {
    const next = sessions[i + 1]?.start ?? closing ?? text.length;
    session.end = next;
  });
  const outline: Outline = { sessions, lines };
  if (closing !== undefined) outline.closingStart = closing;
  if (unclosed !== undefined) outline.unclosed = unclosed;
  return outline;
}

function withLineBreaks(block: string, eol: string): string {
  return block.replace(/\r?\n/g, eol);
}

/**
 * Inserts a block so that a blank line separates it from what is before and after, touching no byte
 * of the text: after the last non-blank line of [from, to), or at `to` when it is a heading that follows.
 */
function insertAfterContent(
  text: string,
  from: number,
  to: number,
  block: string,
  eol: string,
  beforeFollowing: boolean,
): Edit {
  const lastContent = lastContentLine(text, from, to);
  const body = withLineBreaks(block.replace(/\s+$/, ''), eol);
  if (!lastContent) {
    const at = from;
    const before = text.slice(0, at);
    const lead =
      before === '' || before.endsWith(`${eol}${eol}`) || before.endsWith('\n\n')
        ? ''
        : before.endsWith('\n')
          ? eol
          : `${eol}${eol}`;
    return { start: at, end: at, text: `${lead}${body}${eol}${beforeFollowing ? eol : ''}` };
  }
  if (lastContent.next === lastContent.end) {
    // The last line has no line break: the file has no final newline, and keeps none.
    return {
      start: lastContent.end,
      end: lastContent.end,
      text: `${eol}${eol}${body}${beforeFollowing ? `${eol}${eol}` : ''}`,
    };
  }
  const at = lastContent.next;
  const followingIsBlank = at < text.length && lineAt(text, at).text.trim() === '';
  return { start: at, end: at, text: `${eol}${body}${eol}${beforeFollowing && !followingIsBlank ? eol : ''}` };
}

/** Where a new talk goes: before the closing part if there is one, else after the last content. */
export function planSessionInsert(text: string, bodyStart: number, outline: Outline, section: string): Edit {
  const eol = lineBreakOf(text);
  const to = outline.closingStart ?? text.length;
  return checkNotInOpenBlock(
    outline,
    insertAfterContent(text, bodyStart, to, section, eol, outline.closingStart !== undefined),
  );
}

export function nextSessionNumber(outline: Outline): number {
  return (outline.sessions.at(-1)?.number ?? 0) + 1;
}

/** The Q&A block of a talk: its heading line and where it ends, if it has one. */
export function findQaBlock(
  text: string,
  outline: Outline,
  session: SessionRange,
): { start: number; end: number; hasPairs: boolean } | undefined {
  const inSession = outline.lines.filter((line) => line.start > session.start && line.start < session.end);
  const index = inSession.findIndex((line) => {
    const heading = headingOf(line);
    return (
      heading !== undefined && heading.level > session.level && QA_HEADING.test(heading.text.normalize('NFKC').trim())
    );
  });
  if (index === -1) return undefined;
  const qaLine = inSession[index]!;
  const qaLevel = headingOf(qaLine)!.level;
  const endLine = inSession.slice(index + 1).find((line) => {
    const heading = headingOf(line);
    return heading !== undefined && heading.level <= qaLevel;
  });
  const end = endLine?.start ?? session.end;
  return { start: qaLine.start, end, hasPairs: lastContentLine(text, qaLine.next, end) !== undefined };
}

/**
 * Where new Q&A pairs of a talk go: at the end of its Q&A block, or as a new block at the end of
 * the talk; never into the next talk. `render(withHeading, first)` gives the Markdown to insert.
 */
export function planQaInsert(
  text: string,
  outline: Outline,
  session: SessionRange,
  render: (withHeading: boolean, afterPairs: boolean) => string,
): Edit {
  const eol = lineBreakOf(text);
  const block = findQaBlock(text, outline, session);
  const followed = session.end < text.length;
  if (block) {
    return checkNotInOpenBlock(
      outline,
      insertAfterContent(text, block.start, block.end, render(false, block.hasPairs), eol, block.end < text.length),
    );
  }
  return checkNotInOpenBlock(
    outline,
    insertAfterContent(text, session.start, session.end, render(true, false), eol, followed),
  );
}

/** Where lines added to a talk's own text go (photos): after its last content, before its Q&A block if it has one. */
export function planTalkTextInsert(text: string, outline: Outline, session: SessionRange, lines: string): Edit {
  const eol = lineBreakOf(text);
  const qa = findQaBlock(text, outline, session);
  const end = qa?.start ?? session.end;
  return checkNotInOpenBlock(outline, insertAfterContent(text, session.start, end, lines, eol, end < text.length));
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
