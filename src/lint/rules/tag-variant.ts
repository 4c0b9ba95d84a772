import { foldTerm } from '../../site/terms.js';
import type { Report, Rule, RuleContext } from '../types.js';
import { removeTerm, replaceTerm } from '../../post/edits.js';
import { said, termLists, vocabularyOf } from './helpers.js';
import { aliasTarget } from './tag-alias.js';

/** The spelling a term should have: the vocabulary's, else the one most posts use (then its alias target). */
export function canonicalSpelling(
  context: RuleContext,
  taxonomy: string,
  term: string,
): { term: string; count: number; fromVocabulary: boolean } | undefined {
  const fold = foldTerm(term);
  const vocabulary = vocabularyOf(context, taxonomy)?.find((entry) => foldTerm(entry) === fold);
  const spellings = context.terms.spellings(taxonomy, term);
  if (vocabulary !== undefined)
    return { term: vocabulary, count: spellings.find((s) => s.term === vocabulary)?.count ?? 0, fromVocabulary: true };
  const top = spellings[0];
  if (!top) return undefined;
  return { term: aliasTarget(context, top.term) ?? top.term, count: top.count, fromVocabulary: false };
}

export const tagVariant: Rule = {
  meta: {
    id: 'tag-variant',
    description:
      'a term spelled differently elsewhere on the site after NFKC and case folding (go / Go / ＧＯ): Hugo merges them ' +
      'under one page',
    severity: 'error',
    fixable: true,
    scope: 'site',
  },
  check(context) {
    const reports: Report[] = [];
    for (const [taxonomy, field] of termLists(context)) {
      const folds = field.terms.map((t) => foldTerm(t.value));
      // How many terms of the list fold to each key: maps, not indexOf, so 20,000 tags stay linear.
      const counts = new Map<string, number>();
      for (const fold of folds) counts.set(fold, (counts.get(fold) ?? 0) + 1);
      const seen = new Set<string>();
      field.terms.forEach((token, i) => {
        const fold = folds[i]!;
        const first = !seen.has(fold);
        seen.add(fold);
        if (!token.value.trim() || aliasTarget(context, token.value) !== undefined) return;
        // A repeat within the post is tag-duplicate's to report.
        if (!first) return;
        const canonical = canonicalSpelling(context, taxonomy, token.value);
        if (!canonical || canonical.term === token.value) return;
        const vocabulary = canonical.fromVocabulary ? field.key : '';
        const report: Report = {
          place: token.place,
          message: said('variant', token.value, canonical.term, vocabulary, canonical.count),
        };
        // The list holds the right spelling elsewhere already: take this one out instead of rewriting it.
        const target = foldTerm(canonical.term);
        const elsewhere = (counts.get(target) ?? 0) - (target === fold ? 1 : 0) > 0;
        const fix = elsewhere ? removeTerm(token) : replaceTerm(token, canonical.term);
        if (fix) report.fix = fix;
        reports.push(report);
      });
    }
    return reports;
  },
};
