import { getField } from '../../post/parse.js';
import { termOf } from '../../site/terms.js';
import { monthDays, readDate } from '../../post/hugo-date.js';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';

const DATE_FIELDS = ['date', 'publishDate', 'lastmod', 'expiryDate'];

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export const frontmatterFields: Rule = {
  meta: {
    id: 'frontmatter-fields',
    description:
      'required fields missing or empty; dates Hugo cannot read (it dates the page 0001-01-01) or that are not ' +
      'calendar days; term values Hugo drops (a table, a nested list)',
    severity: 'error',
    fixable: false,
  },
  check(context) {
    const { post, site } = context;
    const reports: Report[] = [];
    if (post.syntax || post.fatal) return reports;
    // List pages and headless bundles are never shown as pages: nothing is required of them.
    const required = post.isListPage || post.headless ? [] : site.lint.requiredFields;
    if (!post.data) {
      if (required.length) {
        reports.push({
          place: post.top,
          message: said('noFrontMatter', required),
        });
      }
      return reports;
    }
    // `date` is frontmatter-date's: it is needed only in sections of dated posts.
    for (const key of required.filter((k) => k.toLowerCase() !== 'date')) {
      const field = post.fields.get(key.toLowerCase());
      const value = getField(post.data, key);
      if (!field && value === undefined) {
        reports.push({ place: post.top, message: said('fieldMissing', key) });
      } else if (isEmpty(value)) {
        reports.push({ place: field?.place ?? post.top, message: said('fieldEmpty', key) });
      }
    }
    for (const key of DATE_FIELDS) {
      const field = post.fields.get(key.toLowerCase());
      // Empty or null: Hugo falls back to the next date key (frontmatter-date says when none is left).
      if (!field || isEmpty(field.value)) continue;
      const reading = readDate(field.raw);
      if (reading.ok) continue;
      // A TOML date-time literal is read by the TOML parser (a lower-case t is fine there); Hugo's stops the build on a
      // day that does not exist.
      if (field.value instanceof Date && reading.problem === 'format') continue;
      const days = monthDays(reading.text);
      const message =
        reading.problem === 'calendar'
          ? said('notCalendarDay', field.key, reading.text, days)
          : reading.problem === 'time'
            ? said('notTimeOfDay', field.key, reading.text)
            : said('notHugoDate', field.key, reading.text);
      reports.push({ place: field.place, message });
    }
    // Numbers, booleans and lone strings Hugo turns into terms (frontmatter-coerced); a table or a nested list it
    // drops.
    for (const [, field] of post.taxonomies) {
      const items = Array.isArray(field.value) ? field.value : [field.value];
      if (
        field.value === undefined ||
        field.value === null ||
        items.every((item) => item === null || termOf(item) !== undefined)
      )
        continue;
      reports.push({
        place: field.place,
        message: said('termsDropped', field.key),
      });
    }
    return reports;
  },
};
