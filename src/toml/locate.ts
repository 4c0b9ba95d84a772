/**
 * Finds where keys and values sit in TOML text, for messages with a line and for edits that splice
 * one token. It does not validate: run a real parser first; on text it cannot follow it skips a line.
 */

export interface Span {
  start: number;
  end: number;
}

export interface TomlStringToken extends Span {
  value: string;
}

export interface TomlEntry {
  /** Table header path plus the dotted key. */
  path: string[];
  key: Span;
  value: Span;
  /** 1-based line and column of the key. */
  line: number;
  column: number;
  /** True for `[table]` / `[[table]]` headers; their value span is the header itself. */
  header: boolean;
  /** For an inline array: its elements that are strings, in order. */
  strings?: TomlStringToken[];
  /** For an inline array: how many elements it has of any type. */
  length?: number;
}

const BARE_KEY = /[A-Za-z0-9_-]/;

class Scanner {
  pos = 0;
  /** End of the last key part read, before any trailing space. */
  keyEnd = 0;
  constructor(readonly text: string) {}

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  /** Whitespace, newlines and comments, as inside arrays. */
  skipBlank(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#') this.skipLine();
      else return;
    }
  }

  skipLine(): void {
    const next = this.text.indexOf('\n', this.pos);
    this.pos = next === -1 ? this.text.length : next + 1;
  }
}

function decodeBasic(raw: string): string {
  return raw.replace(
    /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|([btnfre"\\])|[ \t]*\r?\n[\s]*)/g,
    (_match, u4, u8, x2, simple) => {
      const hex = u4 ?? u8 ?? x2;
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (simple)
        return (
          { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' } as Record<string, string>
        )[simple]!;
      return ''; // a line-ending backslash in a multi-line string trims the break and leading space
    },
  );
}

/** Reads a string token at the scanner; returns its decoded value, or undefined if none is here. */
function readString(s: Scanner): string | undefined {
  const { text } = s;
  if (s.startsWith('"""') || s.startsWith("'''")) {
    const quote = text.slice(s.pos, s.pos + 3);
    const literal = quote === "'''";
    let i = s.pos + 3;
    for (;;) {
      const close = text.indexOf(quote, i);
      if (close === -1) {
        s.pos = text.length;
        return undefined;
      }
      if (!literal && isEscaped(text, close)) {
        i = close + 1;
        continue;
      }
      // Up to two quotes may sit just before the closing delimiter.
      let end = close;
      while (text[end + 3] === quote[0] && end - close < 2) end++;
      let raw = text.slice(s.pos + 3, end);
      s.pos = end + 3;
      raw = raw.replace(/^\r?\n/, '');
      return literal ? raw : decodeBasic(raw);
    }
  }
  const quote = s.peek();
  if (quote !== '"' && quote !== "'") return undefined;
  let i = s.pos + 1;
  while (i < text.length && text[i] !== '\n') {
    if (text[i] === quote && (quote === "'" || !isEscaped(text, i))) {
      const raw = text.slice(s.pos + 1, i);
      s.pos = i + 1;
      return quote === "'" ? raw : decodeBasic(raw);
    }
    i++;
  }
  s.pos = i;
  return undefined;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function readKey(s: Scanner): string[] | undefined {
  const parts: string[] = [];
  for (;;) {
    s.skipSpaces();
    const quoted = readString(s);
    if (quoted !== undefined) {
      parts.push(quoted);
    } else {
      const start = s.pos;
      while (BARE_KEY.test(s.peek())) s.pos++;
      if (s.pos === start) return undefined;
      parts.push(s.text.slice(start, s.pos));
    }
    s.keyEnd = s.pos;
    s.skipSpaces();
    if (s.peek() !== '.') return parts;
    s.pos++;
  }
}

interface ValueInfo {
  strings?: TomlStringToken[];
  length?: number;
}

/** Moves past one value; for arrays, collects their string elements. */
function skipValue(s: Scanner): ValueInfo {
  const c = s.peek();
  if (c === '"' || c === "'") {
    readString(s);
    return {};
  }
  if (c === '[') {
    s.pos++;
    const strings: TomlStringToken[] = [];
    let length = 0;
    for (;;) {
      s.skipBlank();
      const next = s.peek();
      if (next === ']' || next === '') {
        s.pos++;
        return { strings, length };
      }
      if (next === ',') {
        s.pos++;
        continue;
      }
      const start = s.pos;
      const before = s.pos;
      if (next === '"' || next === "'") {
        const value = readString(s);
        if (value !== undefined) strings.push({ start, end: s.pos, value });
      } else {
        skipValue(s);
      }
      length++;
      if (s.pos === before) s.pos++;
    }
  }
  if (c === '{') {
    s.pos++;
    for (;;) {
      s.skipBlank();
      const next = s.peek();
      if (next === '}' || next === '') {
        s.pos++;
        return {};
      }
      if (next === '"' || next === "'") readString(s);
      else if (next === '[' || next === '{') skipValue(s);
      else s.pos++;
    }
  }
  while (s.pos < s.text.length && !/[\s,\]}#]/.test(s.peek())) s.pos++;
  // Date-times may hold one space between date and time.
  if (
    s.peek() === ' ' &&
    /^\d\d:\d\d/.test(s.text.slice(s.pos + 1, s.pos + 6)) &&
    /\d{4}-\d\d-\d\d$/.test(s.text.slice(0, s.pos))
  ) {
    s.pos++;
    while (s.pos < s.text.length && !/[\s,\]}#]/.test(s.peek())) s.pos++;
  }
  return {};
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

export function locateToml(text: string): TomlEntry[] {
  const s = new Scanner(text);
  const starts = lineStarts(text);
  const entries: TomlEntry[] = [];
  let table: string[] = [];
  while (s.pos < text.length) {
    s.skipBlank();
    if (s.pos >= text.length) break;
    const keyStart = s.pos;
    if (s.peek() === '[') {
      const double = s.peek(1) === '[';
      s.pos += double ? 2 : 1;
      const key = readKey(s);
      const close = double ? ']]' : ']';
      if (key && s.startsWith(close)) {
        s.pos += close.length;
        table = key;
        entries.push({
          path: key,
          key: { start: keyStart, end: s.pos },
          value: { start: keyStart, end: s.pos },
          header: true,
          ...positionAt(starts, keyStart),
        });
      }
      s.skipLine();
      continue;
    }
    const key = readKey(s);
    if (!key || s.peek() !== '=') {
      s.skipLine();
      continue;
    }
    const keyEnd = s.keyEnd;
    s.pos++;
    s.skipSpaces();
    const valueStart = s.pos;
    const info = skipValue(s);
    entries.push({
      path: [...table, ...key],
      key: { start: keyStart, end: keyEnd },
      value: { start: valueStart, end: s.pos },
      header: false,
      ...positionAt(starts, keyStart),
      ...info,
    });
    s.skipSpaces();
    if (s.peek() === '#' || s.peek() === '\r' || s.peek() === '\n') s.skipLine();
  }
  return entries;
}
