import type { Problem } from '../i18n/problems.js';

/**
 * Slugs as writers of the example blog make them: `DeNA.go #3` -> `denago_3`. Full-width letters
 * fold to ASCII (NFKC); dots and quotes join words; other separators become one `_`; anything
 * else (Japanese, emoji) is dropped. Empty when nothing usable is left.
 */
export function slugFromEvent(event: string): string {
  return event
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
}

/** A slug becomes one path segment: letters (any script), digits, `-` and `_`, not starting with `.` or `-`. */
export function slugProblem(slug: string): Problem | undefined {
  if (slug === '') return { id: 'slugEmpty' };
  if (!/^[\p{L}\p{N}_][\p{L}\p{N}\p{M}_-]*$/u.test(slug)) return { id: 'slugChars', value: slug };
  if (slug.length > 100) return { id: 'slugLong' };
  return undefined;
}

/** The slug offered for a new post: from the event name, else the title, else the date. */
export function slugDefault(event: string, title: string, date: { yyyy: string; mm: string; dd: string }): string {
  return slugFromEvent(event) || slugFromEvent(title) || `${date.yyyy}-${date.mm}-${date.dd}`;
}
