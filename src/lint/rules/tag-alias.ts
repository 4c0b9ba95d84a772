import { aliasOf, foldTerm } from '../../site/terms.js';
import type { Report, Rule, RuleContext } from '../types.js';
import { removeTerm, replaceTerm } from '../../post/edits.js';
import { said, termLists } from './helpers.js';

/** The configured canonical term for an alias (matched after folding), if the term is one. */
export function aliasTarget(context: RuleContext, term: string): string | undefined {
  return aliasOf(context.site.aliases, term);
}

export const tagAlias: Rule = {
  meta: {
    id: 'tag-alias',
    description: 'a term listed in [aliases]: written as its canonical term',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    const reports: Report[] = [];
    for (const [, field] of termLists(context)) {
      const folds = field.terms.map((t) => foldTerm(t.value));
      for (const token of field.terms) {
        const target = token.value.trim() ? aliasTarget(context, token.value) : undefined;
        if (target === undefined) continue;
        const report: Report = {
          place: token.place,
          message: said('alias', token.value, target),
        };
        const fix = folds.includes(foldTerm(target)) ? removeTerm(token) : replaceTerm(token, target);
        if (fix) report.fix = fix;
        reports.push(report);
      }
    }
    return reports;
  },
};
