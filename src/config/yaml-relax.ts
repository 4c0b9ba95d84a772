/**
 * Hugo reads YAML with go-yaml (libyaml's rules), which takes the continuation lines of a quoted
 * scalar at any indentation; the `yaml` package wants them indented under their key, and calls
 * `abstract: "first paragraph.` / blank line / `second paragraph."` (common in Octopress-era posts)
 * a missing quote. Where that is the only trouble, those lines are indented and the text parsed
 * again; offsets in the relaxed text map back to the original with `toOriginal`.
 */

export interface Relaxed {
  text: string;
  /** An offset of the relaxed text as an offset of the original. */
  toOriginal(offset: number): number;
}

const QUOTED_START = /^(\s*)(?:-\s+)?(?:[^\s#'"][^#'"]*?|"[^"]*"|'[^']*'):\s+(["'])/;

/** Where a quoted scalar opened at `from` closes on this line, or -1. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] !== quote) continue;
    if (quote === "'" && line[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** The text with unindented continuation lines of quoted scalars indented under their key, or undefined if none. */
export function relaxQuotedScalars(text: string): Relaxed | undefined {
  const lines = text.split('\n');
  const inserted: { at: number; count: number }[] = [];
  let open: { quote: string; indent: number } | undefined;
  let offset = 0;
  const out: string[] = [];
  for (const line of lines) {
    let current = line;
    if (open) {
      const lead = /^[ \t]*/.exec(line)![0].length;
      if (line.trim() !== '' && lead <= open.indent) {
        const pad = open.indent + 1 - lead;
        inserted.push({ at: offset, count: pad });
        current = ' '.repeat(pad) + line;
      }
      if (closingQuote(line, 0, open.quote) !== -1) open = undefined;
    } else {
      const start = QUOTED_START.exec(line);
      if (start && closingQuote(line, start[0].length, start[2]!) === -1)
        open = { quote: start[2]!, indent: start[1]!.length };
    }
    out.push(current);
    offset += line.length + 1;
  }
  if (inserted.length === 0) return undefined;
  return {
    text: out.join('\n'),
    toOriginal(relaxedOffset) {
      let shift = 0;
      for (const { at, count } of inserted) {
        if (at + shift >= relaxedOffset) break;
        // An offset inside the inserted spaces maps to the start of that original line.
        if (relaxedOffset < at + shift + count) return at;
        shift += count;
      }
      return relaxedOffset - shift;
    },
  };
}
