/**
 * Finds the front matter of a post without changing a byte: offsets into the text as read (a BOM,
 * if any, is the first character), so edits can splice the file.
 */

export type FrontMatterFormat = 'toml' | 'yaml' | 'json';

export interface FrontMatter {
  format: FrontMatterFormat;
  /** Offset of the first character after the opening delimiter line. */
  start: number;
  /** Offset of the closing delimiter line (the end of the front matter text). */
  end: number;
  /** Offset just after the closing delimiter line and its line break: where the body starts. */
  bodyStart: number;
  /** 1-based line of `start`. */
  startLine: number;
  /** The line break the file uses: that of the opening line. */
  eol: '\n' | '\r\n';
}

export type Split =
  | { kind: 'none' }
  | { kind: 'found'; frontMatter: FrontMatter }
  | { kind: 'unclosed'; format: FrontMatterFormat; delimiter: string };

const OPENING = /^\uFEFF?(\+\+\+|---)[ \t]*(\r?\n)/;
const CLOSING = { '+++': /^\+\+\+[ \t]*\r?$/gm, '---': /^---[ \t]*\r?$/gm };

export function splitFrontMatter(text: string): Split {
  const open = OPENING.exec(text);
  if (!open) {
    const json = /^\uFEFF?\{[ \t]*\r?\n/.exec(text);
    if (!json) return { kind: 'none' };
    // JSON front matter: from `{` to the first line that is only `}`, both included.
    const close = /^\}[ \t]*$/m.exec(text.slice(json[0].length));
    if (!close) return { kind: 'unclosed', format: 'json', delimiter: '}' };
    const start = text.startsWith('\uFEFF') ? 1 : 0;
    const end = json[0].length + close.index + 1;
    const eol = json[0].endsWith('\r\n') ? '\r\n' : '\n';
    const afterClose = text.indexOf('\n', end);
    return {
      kind: 'found',
      frontMatter: {
        format: 'json',
        start,
        end,
        bodyStart: afterClose === -1 ? text.length : afterClose + 1,
        startLine: 1,
        eol,
      },
    };
  }
  const delimiter = open[1]!;
  const format: FrontMatterFormat = delimiter === '+++' ? 'toml' : 'yaml';
  const start = open[0].length;
  const closing = CLOSING[delimiter as '+++' | '---'];
  closing.lastIndex = start;
  const close = closing.exec(text);
  if (!close) return { kind: 'unclosed', format, delimiter };
  const end = close.index;
  const lineEnd = text.indexOf('\n', end);
  return {
    kind: 'found',
    frontMatter: {
      format,
      start,
      end,
      bodyStart: lineEnd === -1 ? text.length : lineEnd + 1,
      startLine: 2,
      eol: open[2] === '\r\n' ? '\r\n' : '\n',
    },
  };
}
