import { MESSAGES, type Messages } from '../../i18n/messages.js';
import { vocabularyFor } from '../../site/terms.js';
import type { TaxonomyField, TermToken } from '../../post/model.js';
import type { RuleContext } from '../types.js';

/** The rules' messages in the site's language, from the one catalog. */
export function say(context: Pick<RuleContext, 'language'>): Messages['rules'] {
  return MESSAGES[context.language].rules;
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
