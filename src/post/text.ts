import type { Problem } from '../i18n/problems.js';

/** Checks of what a writer types into one-line fields, before it goes into front matter or Markdown. */

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function oneLineProblem(value: string): Problem | undefined {
  const match = CONTROL.exec(value);
  if (match) {
    const code = match[0].charCodeAt(0);
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return { id: 'lineBreak' };
    return { id: 'control', code: `U+${code.toString(16).padStart(4, '0').toUpperCase()}` };
  }
  if (!value.isWellFormed()) return { id: 'surrogate' };
  return undefined;
}

export function urlProblem(value: string): Problem | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { id: 'notUrl', value };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { id: 'notHttp', value };
  return oneLineProblem(value);
}

/** `a, b,,c` -> `["a", "b", "c"]`, duplicates removed in order. */
export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** `#DeNAgo`, `＃DeNAgo` and `DeNAgo` are the same hashtag. */
export function normalizeHashtag(value: string): string {
  return value
    .trim()
    .replace(/^[#＃]+/, '')
    .trim();
}

export function hashtagProblem(value: string): Problem | undefined {
  if (/\s/.test(value)) return { id: 'hashtagSpace', value };
  return oneLineProblem(value);
}

/** The file's line break: the first one in the text, else `\n`. */
export function lineBreakOf(text: string): '\n' | '\r\n' {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}
