/**
 * The lines of a Markdown body that matter for its structure (headings and one-line comments), found
 * without visiting every line: a 2 MB report is scanned by jumping between candidates, skipping fenced
 * code and HTML comments.
 */

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  /** Offset of the next line. */
  next: number;
  text: string;
}

export interface ScannedMarkdown {
  /** Lines outside code and comments whose first character (after up to 3 spaces) is `#` or `<`. */
  lines: Line[];
  /** Offset of the line that opens a code fence or HTML comment still open at the end of the text. */
  unclosed?: number;
}

export function lineAt(source: string, offset: number, to = source.length): Line {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const newline = source.indexOf('\n', offset);
  const next = newline === -1 || newline >= to ? to : newline + 1;
  let end = newline === -1 || newline >= to ? to : newline;
  if (end > start && source.charCodeAt(end - 1) === 13) end--;
  return { start, end, next, text: source.slice(start, end) };
}

const BACKTICK = 96;
const TILDE = 126;
const HASH = 35;
const LESS_THAN = 60;
const SPACE = 32;

/**
 * The start of the next line, from `pos` on, that may open a fence or an HTML comment block, or be a
 * heading or a one-line comment: its first character after up to 3 spaces is ` ~ # or <. A plain loop
 * over line starts: on a cold start V8 runs it faster than a multi-line regex over 2 MB.
 */
function nextCandidate(source: string, pos: number): number {
  while (pos < source.length) {
    let i = pos;
    while (i - pos < 3 && source.charCodeAt(i) === SPACE) i++;
    const c = source.charCodeAt(i);
    if (c === BACKTICK || c === TILDE || c === HASH || c === LESS_THAN) return pos;
    const newline = source.indexOf('\n', pos);
    if (newline === -1) return -1;
    pos = newline + 1;
  }
  return -1;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/gm;

export function scanMarkdown(source: string, from = 0): ScannedMarkdown {
  const lines: Line[] = [];
  let pos = from;
  for (;;) {
    const candidate = nextCandidate(source, pos);
    if (candidate === -1) return { lines };
    const line = lineAt(source, candidate);
    const fence = FENCE.exec(line.text);
    if (fence) {
      const marker = fence[1]!;
      let closed: number | undefined;
      CLOSING_FENCE.lastIndex = line.next;
      for (let close = CLOSING_FENCE.exec(source); close; close = CLOSING_FENCE.exec(source)) {
        if (close.index < line.next) continue;
        if (close[1]![0] === marker[0] && close[1]!.length >= marker.length) {
          closed = lineAt(source, close.index).next;
          break;
        }
      }
      if (closed === undefined) return { lines, unclosed: line.start };
      pos = closed;
      continue;
    }
    // An HTML comment block (CommonMark type 2) starts a line and runs to the line holding `-->`.
    const opener = line.text.indexOf('<!--');
    if (opener !== -1 && line.text.slice(0, opener).trim() === '' && !line.text.includes('-->', opener + 4)) {
      const close = source.indexOf('-->', line.start + opener + 4);
      if (close === -1) return { lines, unclosed: line.start };
      pos = lineAt(source, close).next;
      continue;
    }
    const first = line.text.trimStart()[0];
    if ((first === '#' || first === '<') && line.text.length - line.text.trimStart().length < 4) lines.push(line);
    pos = line.next;
    if (pos >= source.length) return { lines };
  }
}

export interface Heading {
  level: number;
  text: string;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

export function headingOf(line: Line): Heading | undefined {
  const match = ATX.exec(line.text);
  return match ? { level: match[1]!.length, text: (match[2] ?? '').trim() } : undefined;
}

/** The last line in [from, to) that is not blank, if any (`to` is a line start or the end of the text). */
export function lastContentLine(source: string, from: number, to: number): Line | undefined {
  for (let limit = to; limit > from; ) {
    const start = Math.max(from, source.lastIndexOf('\n', limit - 2) + 1);
    const line = lineAt(source, start, to);
    if (line.text.trim() !== '') return line;
    limit = start;
  }
  return undefined;
}
