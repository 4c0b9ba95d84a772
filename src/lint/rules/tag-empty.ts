import type { Report, Rule } from '../types.js';
import { removeTerm } from '../../post/edits.js';
import { said, termLists } from './helpers.js';

export const tagEmpty: Rule = {
  meta: { id: 'tag-empty', description: 'an empty or blank term', severity: 'error', fixable: true },
  check(context) {
    const reports: Report[] = [];
    for (const [, field] of termLists(context)) {
      for (const token of field.terms) {
        if (token.value.trim() !== '') continue;
        const report: Report = { place: token.place, message: said('emptyTerm', field.key) };
        const fix = removeTerm(token);
        if (fix) report.fix = fix;
        reports.push(report);
      }
    }
    return reports;
  },
};
