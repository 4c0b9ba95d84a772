import { readDate } from '../../post/hugo-date.js';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';

export const dateFuture: Rule = {
  meta: {
    id: 'date-future',
    description: 'a date after now: Hugo skips the post unless built with --buildFuture',
    severity: 'warn',
    fixable: false,
  },
  check(context) {
    const { post } = context;
    if (!post.data || post.fields.get('draft')?.value === true) return [];
    const reports: Report[] = [];
    for (const key of ['date', 'publishdate']) {
      const field = post.fields.get(key);
      if (!field) continue;
      const reading = readDate(field.raw);
      // A date without an offset counts from its earliest meaning (UTC+14): no false alarm near midnight.
      if (!reading.ok || reading.earliest <= context.now.getTime()) continue;
      reports.push({
        place: field.place,
        message: said('dateFuture', field.key, field.raw.replace(/^["']|["']$/g, '')),
      });
    }
    return reports;
  },
};
