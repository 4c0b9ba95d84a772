import { vocabularyFor } from '../../site/terms.js';
import type { TaxonomyField, TermToken } from '../../post/model.js';
import type { RuleContext, RuleMessage } from '../types.js';

/** A rule's message as data: the catalog id (src/i18n/messages.ts, `rules`) and its arguments, worded later. */
export function said<M extends RuleMessage>(...message: M): M {
  return message;
}

/** The taxonomy fields of the post whose values are lists of strings. */
export function termLists(context: RuleContext): [string, TaxonomyField & { terms: TermToken[] }][] {
  const lists: [string, TaxonomyField & { terms: TermToken[] }][] = [];
  for (const [taxonomy, field] of context.post.taxonomies)
    if (field.terms) lists.push([taxonomy, field as TaxonomyField & { terms: TermToken[] }]);
  return lists;
}

/** The configured vocabulary of a taxonomy (keys match case-insensitively), if any. */
export function vocabularyOf(context: RuleContext, taxonomy: string): string[] | undefined {
  return vocabularyFor(context.site.vocabulary, taxonomy);
}
