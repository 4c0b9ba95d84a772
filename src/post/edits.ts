import type { TermToken } from './model.js';
import { tomlString } from '../toml/write.js';

/** A text edit in the post: replace [start, end) (UTF-16 offsets into the file as read) with text. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies the fixes that do not overlap an earlier one (the rest wait for the next pass), in one
 * pass over the text: linear in the text and the number of fixes (50,000 duplicate tags included).
 */
export function applyFixes(text: string, fixes: Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let lastEnd = 0;
  for (const fix of sorted) {
    if (fix.start < lastEnd) continue;
    parts.push(text.slice(lastEnd, fix.start), fix.text);
    lastEnd = fix.end;
  }
  parts.push(text.slice(lastEnd));
  return parts.join('');
}

/** How many times edits are planned again on their own result, at most (as ESLint's --fix). */
export const MAX_FIX_PASSES = 10;

/**
 * The one fix-until-stable loop (lint --fix, tags rename): plans edits on the text, applies those that do
 * not overlap, and plans again on the result until nothing is left to do. `plan` returns the edits, or
 * undefined to stop where it is (the text cannot be read any more).
 */
export function fixUntilStable(text: string, plan: (text: string) => Fix[] | undefined): string {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = plan(current);
    if (!fixes || fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next === current) break;
    current = next;
  }
  return current;
}

// A YAML plain scalar that reads back as the same string (not a number, bool, null, and no syntax).
const YAML_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/;
const YAML_NUMBER = String.raw`[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan`;
const YAML_RESERVED = new RegExp(`^(true|false|yes|no|on|off|null|~|${YAML_NUMBER})$`, 'i');

/** The term written as the token was written (same quotes), or undefined when that cannot be done safely. */
export function writeTerm(token: TermToken, value: string): string | undefined {
  switch (token.quote) {
    case 'basic':
      return tomlString(value);
    case 'literal':
      return /['\u0000-\u001f\u007f]/.test(value) ? tomlString(value) : `'${value}'`;
    case 'double':
      return JSON.stringify(value);
    case 'single':
      return `'${value.replace(/'/g, "''")}'`;
    case 'plain':
      return YAML_PLAIN.test(value) && !YAML_RESERVED.test(value) && value.trim() === value
        ? value
        : JSON.stringify(value);
    default:
      return undefined;
  }
}

export function replaceTerm(token: TermToken, value: string): Fix | undefined {
  const text = writeTerm(token, value);
  return text === undefined ? undefined : { start: token.place.start, end: token.place.end, text };
}

export function removeTerm(token: TermToken): Fix | undefined {
  return token.removal && { ...token.removal };
}
