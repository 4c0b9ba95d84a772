import { type ParseFailure, parseData } from '../config/parse.js';
import { type FrontMatter, type FrontMatterFormat, splitFrontMatter } from './frontmatter.js';

export type ParsedPost =
  | { kind: 'none' }
  | { kind: 'unclosed'; format: FrontMatterFormat; delimiter: string }
  | { kind: 'invalid'; frontMatter: FrontMatter; failure: ParseFailure }
  | { kind: 'notTable'; frontMatter: FrontMatter }
  | { kind: 'ok'; frontMatter: FrontMatter; data: Record<string, unknown> };

/** Splits and parses the front matter; a parse failure's line and column are those of the file. */
export function parsePost(text: string): ParsedPost {
  const split = splitFrontMatter(text);
  if (split.kind !== 'found') return split;
  const { frontMatter } = split;
  const result = parseData(frontMatter.format, text.slice(frontMatter.start, frontMatter.end));
  if ('failure' in result) {
    return {
      kind: 'invalid',
      frontMatter,
      failure: { ...result.failure, line: result.failure.line + frontMatter.startLine - 1 },
    };
  }
  const data = result.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'notTable', frontMatter };
  }
  return { kind: 'ok', frontMatter, data: data as Record<string, unknown> };
}

/** Front matter keys are case-insensitive in Hugo (`Tags` is `tags`): the first key that matches. */
export function findKey(data: Record<string, unknown>, key: string): string | undefined {
  if (key in data) return key;
  const lower = key.toLowerCase();
  return Object.keys(data).find((k) => k.toLowerCase() === lower);
}

export function getField(data: Record<string, unknown>, key: string): unknown {
  const found = findKey(data, key);
  return found === undefined ? undefined : data[found];
}

/**
 * Hugo's front matter keys for a page's date, in the order it falls back through them (its default `[frontmatter]
 * date`).
 */
export const DATE_KEYS = ['date', 'publishDate', 'lastmod'];

/** True when Hugo gives the page a date: one of its date keys holds a value that is not empty. */
export function isDated(data: Record<string, unknown>): boolean {
  return DATE_KEYS.some((key) => {
    const value = getField(data, key);
    return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  });
}
