import { MESSAGES, type Messages } from '../../i18n/messages.js';
import { vocabularyFor } from '../../site/terms.js';
import { tomlString } from '../../toml/write.js';
import type { TaxonomyField, TermToken } from '../model.js';
import type { Fix, RuleContext } from '../types.js';

/** The rules' messages in the site's language, from the one catalog. */
export function say(context: Pick<RuleContext, 'language'>): Messages['rules'] {
  return MESSAGES[context.language].rules;
}

// A YAML plain scalar that reads back as the same string (not a number, bool, null, and no syntax).
const YAML_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/;
const YAML_NUMBER = String.raw`[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan`;
const YAML_RESERVED = new RegExp(`^(true|false|yes|no|on|off|null|~|${YAML_NUMBER})$`, 'i');

/** The term written as the token was written (same quotes), or undefined when that cannot be done safely. */
export function writeTerm(token: TermToken, value: string): string | undefined {
  switch (token.quote) {
    case 'basic':
      return tomlString(value);
    case 'literal':
      return /['\u0000-\u001f\u007f]/.test(value) ? tomlString(value) : `'${value}'`;
    case 'double':
      return JSON.stringify(value);
    case 'single':
      return `'${value.replace(/'/g, "''")}'`;
    case 'plain':
      return YAML_PLAIN.test(value) && !YAML_RESERVED.test(value) && value.trim() === value
        ? value
        : JSON.stringify(value);
    default:
      return undefined;
  }
}

export function replaceTerm(token: TermToken, value: string): Fix | undefined {
  const text = writeTerm(token, value);
  return text === undefined ? undefined : { start: token.place.start, end: token.place.end, text };
}

export function removeTerm(token: TermToken): Fix | undefined {
  return token.removal && { ...token.removal };
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
