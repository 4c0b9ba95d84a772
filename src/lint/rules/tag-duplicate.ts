import { foldTerm } from '../../site/terms.js';
import type { Report, Rule } from '../types.js';
import { removeTerm } from '../../post/edits.js';
import { said, termLists } from './helpers.js';

export const tagDuplicate: Rule = {
  meta: {
    id: 'tag-duplicate',
    description: 'the same term twice in one post (after NFKC and case folding)',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    const reports: Report[] = [];
    for (const [, field] of termLists(context)) {
      const seen = new Map<string, string>();
      for (const token of field.terms) {
        if (!token.value.trim()) continue;
        const fold = foldTerm(token.value);
        const first = seen.get(fold);
        if (first === undefined) {
          seen.set(fold, token.value);
          continue;
        }
        const same = first === token.value;
        const report: Report = {
          place: token.place,
          message: said('duplicate', field.key, token.value, same ? '' : first),
        };
        const fix = removeTerm(token);
        if (fix) report.fix = fix;
        reports.push(report);
      }
    }
    return reports;
  },
};
