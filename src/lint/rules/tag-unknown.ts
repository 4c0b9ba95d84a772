import { closeNames } from '../../text/similar.js';
import { foldTerm } from '../../site/terms.js';
import type { Report, Rule } from '../types.js';
import { said, termLists, vocabularyOf } from './helpers.js';
import { aliasTarget } from './tag-alias.js';

export const tagUnknown: Rule = {
  meta: {
    id: 'tag-unknown',
    description: 'a term that is not in the configured [taxonomies] vocabulary (only when one is configured)',
    severity: 'error',
    fixable: false,
  },
  check(context) {
    const reports: Report[] = [];
    for (const [taxonomy, field] of termLists(context)) {
      const vocabulary = vocabularyOf(context, taxonomy);
      if (!vocabulary) continue;
      const folded = new Set(vocabulary.map(foldTerm));
      for (const token of field.terms) {
        const term = token.value;
        // Empty terms, other spellings of a known term and aliases have rules of their own.
        if (!term.trim() || folded.has(foldTerm(term)) || aliasTarget(context, term) !== undefined) continue;
        const near = closeNames(term, vocabulary);
        reports.push({
          place: token.place,
          message: said('unknownTerm', term, field.key, near, taxonomy),
        });
      }
    }
    return reports;
  },
};
