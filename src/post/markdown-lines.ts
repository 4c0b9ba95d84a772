/** The lines of a Markdown body that matter for its structure: headings and one-line comments. */
import { type Line, lineAt, scanBlocks } from './markdown-blocks.js';

export { type Line, lineAt };

export interface ScannedMarkdown {
  /** ATX headings and one-line HTML comments, outside code and HTML blocks, in order. */
  lines: Line[];
  /** Offset of the line that opens a code fence, comment or raw HTML block still open at the end of the text. */
  unclosed?: number;
}

/**
 * The headings and one-line HTML comments of the body, outside code and HTML blocks, and the
 * block the text ends inside of, if any: from the one block scanner that lint uses too.
 */
export function scanMarkdown(source: string, from = 0): ScannedMarkdown {
  const { blocks, headings } = scanBlocks(source, from);
  const lines: Line[] = headings.map(([start]) => lineAt(source, start));
  for (const block of blocks) {
    // A one-line comment, such as the end marker <!-- meetup-note:end -->.
    if (block.kind === 'comment' && block.closed && lineAt(source, block.start).next === block.end)
      lines.push(lineAt(source, block.start));
  }
  lines.sort((a, b) => a.start - b.start);
  const open = blocks.find((block) => !block.closed);
  return open ? { lines, unclosed: open.start } : { lines };
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
