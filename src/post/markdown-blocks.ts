/**
 * The leaf blocks of a Markdown body that hide text from Markdown (CommonMark 0.31, at the top
 * level): fenced and indented code, HTML blocks (the seven kinds, comments among them) and link
 * reference definitions, with paragraphs tracked only as far as they decide what may start.
 * One scanner for lint (what it must not read) and for add-session (where a talk may go).
 * Containers (block quotes, lists) are not opened: a block inside one is read as at the top level,
 * which is what the posts of a meetup report hold. Checked against the commonmark reference
 * implementation on the spec's examples (test/post/markdown-blocks.test.ts).
 */

export type BlockKind = 'fence' | 'indented' | 'html' | 'comment' | 'definition';

export interface Block {
  kind: BlockKind;
  /** Offset of its first line. */
  start: number;
  /** Offset just after its last line (after the line break). */
  end: number;
  /** False for a fence, comment or raw HTML block that the text ends inside of. */
  closed: boolean;
}

export interface ScannedBlocks {
  blocks: Block[];
  /** ATX heading lines outside every block: [start, end of line text). */
  headings: [number, number][];
}

const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li ' +
    'link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th ' +
    'thead title tr track ul'
  ).split(' '),
);
const RAW_START = /^<(pre|script|style|textarea)(?:\s|>|$)/i;
const RAW_END = /<\/(pre|script|style|textarea)>/i;
const TAG_NAME = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s|\/?>|$)/;
const ATTRIBUTE = `\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const COMPLETE_TAG = new RegExp(
  `^(?:<[a-zA-Z][a-zA-Z0-9-]*(?:${ATTRIBUTE})*\\s*\\/?>|<\\/[a-zA-Z][a-zA-Z0-9-]*\\s*>)\\s*$`,
);
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^\[(?:[^\]\\]|\\.){0,999}\]:/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/**
 * A character no block construct starts with (letters, digits, CJK...): a line starting with it
 * is a paragraph line. Tabs, spaces and the marks of code, HTML, headings, breaks and
 * definitions are not ordinary.
 */
function ORDINARY(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  return code > 0x7f && code !== 0x3000;
}

/** The columns of a line's indentation (tabs to the next multiple of 4) and where its content starts. */
function indentation(line: string): { columns: number; at: number } {
  let columns = 0;
  let at = 0;
  for (; at < line.length; at++) {
    const c = line[at];
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { columns, at };
}

type HtmlEnd = (line: string) => boolean;

/** The end condition of the HTML block this line starts, if it starts one. */
function htmlStart(rest: string, inParagraph: boolean): { end: HtmlEnd | 'blank'; comment: boolean } | undefined {
  if (rest[0] !== '<') return undefined;
  if (RAW_START.test(rest)) return { end: (l) => RAW_END.test(l), comment: false };
  if (rest.startsWith('<!--')) return { end: (l) => l.includes('-->'), comment: true };
  if (rest.startsWith('<?')) return { end: (l) => l.includes('?>'), comment: false };
  if (rest.startsWith('<![CDATA[')) return { end: (l) => l.includes(']]>'), comment: false };
  if (/^<![a-zA-Z]/.test(rest)) return { end: (l) => l.includes('>'), comment: false };
  const name = TAG_NAME.exec(rest)?.[1]?.toLowerCase();
  if (name && BLOCK_TAGS.has(name)) return { end: 'blank', comment: false };
  if (!inParagraph && COMPLETE_TAG.test(rest) && !/^<\/?(pre|script|style|textarea)\b/i.test(rest))
    return { end: 'blank', comment: false };
  return undefined;
}

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  /** Offset of the next line. */
  next: number;
  /** Without its line break (and the CR of a CRLF). */
  text: string;
}

/** The line that holds `offset` (up to `to`). */
export function lineAt(source: string, offset: number, to = source.length): Line {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const newline = source.indexOf('\n', offset);
  const next = newline === -1 || newline >= to ? to : newline + 1;
  let end = newline === -1 || newline >= to ? to : newline;
  if (end > start && source.charCodeAt(end - 1) === 13) end--;
  return { start, end, next, text: source.slice(start, end) };
}

/** Where a link reference definition ends: its destination may be on the next line, and its title on the line after. */
function definitionEnd(text: string, next: number, destinationBelow: boolean): number {
  let end = next;
  if (destinationBelow && end < text.length && lineAt(text, end).text.trim() !== '') end = lineAt(text, end).next;
  if (end < text.length && /^\s*["'(]/.test(lineAt(text, end).text)) end = lineAt(text, end).next;
  return end;
}

/** Scans the text from `from` (the body's start) to its end. */
export function scanBlocks(text: string, from = 0): ScannedBlocks {
  const blocks: Block[] = [];
  const headings: [number, number][] = [];
  let inParagraph = false;
  let open: { kind: BlockKind; start: number; fence?: string; end?: HtmlEnd | 'blank' } | undefined;
  // An indented code block ends at its last indented line: blank lines after it are not part of it.
  let indentedEnd = 0;
  const close = (end: number, closed = true) => {
    if (open) blocks.push({ kind: open.kind, start: open.start, end, closed });
    open = undefined;
  };
  let pos = from;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    const next = newline === -1 ? text.length : newline + 1;
    // Most lines are prose: their first character says so, without slicing the line.
    if (!open && !inParagraph) {
      let i = pos;
      while (text.charCodeAt(i) === 32 && i - pos < 4) i++;
      if (i - pos < 4 && ORDINARY(text.charCodeAt(i))) {
        inParagraph = true;
        pos = next;
        continue;
      }
    } else if (!open && ORDINARY(text.charCodeAt(pos))) {
      pos = next;
      continue;
    }
    const line = lineAt(text, pos).text;
    const blank = line.trim() === '';
    const { columns, at } = indentation(line);
    const rest = line.slice(at);

    if (open?.kind === 'fence') {
      const closing =
        columns < 4 && new RegExp(`^${open.fence![0] === '`' ? '`' : '~'}{${open.fence!.length},}[ \\t]*$`).test(rest);
      pos = next;
      if (closing) close(next);
      continue;
    }
    if (open && (open.kind === 'html' || open.kind === 'comment')) {
      if (open.end === 'blank') {
        if (blank) {
          close(pos);
          inParagraph = false;
          pos = next;
          continue;
        }
        pos = next;
        continue;
      }
      pos = next;
      if (open.end!(line)) close(next);
      continue;
    }
    if (open?.kind === 'indented') {
      if (columns >= 4 || blank) {
        if (!blank) indentedEnd = next;
        pos = next;
        continue;
      }
      const end = indentedEnd;
      close(end);
    }

    if (blank) {
      inParagraph = false;
      pos = next;
      continue;
    }
    if (columns >= 4 && !inParagraph) {
      open = { kind: 'indented', start: pos };
      indentedEnd = next;
      pos = next;
      continue;
    }
    if (columns < 4) {
      const fence = FENCE_OPEN.exec(rest);
      // A backtick fence's info string may not hold a backtick (``` ```x` ``` is inline code, not a fence).
      if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
        open = { kind: 'fence', start: pos, fence: fence[1]! };
        inParagraph = false;
        pos = next;
        continue;
      }
      const html = htmlStart(rest, inParagraph);
      if (html) {
        open = { kind: html.comment ? 'comment' : 'html', start: pos, end: html.end };
        inParagraph = false;
        if (html.end !== 'blank' && html.end(rest)) close(next);
        pos = next;
        continue;
      }
      if (ATX.test(rest)) {
        headings.push([pos, pos + line.length]);
        inParagraph = false;
        pos = next;
        continue;
      }
      const definition = inParagraph ? null : DEFINITION.exec(rest);
      if (definition) {
        blocks.push({
          kind: 'definition',
          start: pos,
          end: definitionEnd(text, next, rest.slice(definition[0].length).trim() === ''),
          closed: true,
        });
        pos = blocks.at(-1)!.end;
        continue;
      }
      if (THEMATIC.test(rest) || (inParagraph && /^(=+|-+)[ \t]*$/.test(rest))) {
        inParagraph = false;
        pos = next;
        continue;
      }
    }
    inParagraph = true;
    pos = next;
  }
  if (open?.kind === 'indented') close(indentedEnd);
  else if (open) close(text.length, open.kind === 'html' && open.end === 'blank');
  return { blocks, headings };
}
