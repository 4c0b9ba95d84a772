import { termOf } from '../../site/terms.js';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';

// strconv.ParseBool's true words (cast.ToBool); anything else is false to Hugo.
const TRUE_TEXT = /^(1|t|true)$/i;
// Hugo's YAML (go-yaml, YAML 1.1) reads these unquoted words as booleans.
const YAML_TRUE = /^(y|Y|yes|Yes|YES|on|On|ON)$/;

/** How a value is written, for messages: strings quoted, the rest as their text. */
function shown(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : value instanceof Date
      ? value.toISOString()
      : String(value);
}

export const frontmatterCoerced: Rule = {
  meta: {
    id: 'frontmatter-coerced',
    description:
      'a value Hugo converts to read it: a number or boolean in a term list (2024 -> the term "2024"), one string as ' +
      'one term, draft written as a string',
    severity: 'warn',
    fixable: false,
  },
  check(context) {
    const { post } = context;
    if (!post.data) return [];
    const reports: Report[] = [];
    for (const [, field] of post.taxonomies) {
      const value = field.value;
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value)) {
        const term = termOf(value);
        if (term === undefined) continue;
        reports.push({
          place: field.place,
          message: said('oneValue', field.key, term, JSON.stringify(term)),
        });
        continue;
      }
      for (const item of value) {
        if (typeof item === 'string') continue;
        const term = termOf(item);
        if (term === undefined) continue;
        reports.push({
          place: field.place,
          message: said('notString', field.key, shown(item), term),
        });
      }
    }
    const draft = post.fields.get('draft');
    if (draft && typeof draft.value !== 'boolean' && draft.value !== undefined && draft.value !== null) {
      const text = String(draft.value);
      const yamlWord = post.format === 'yaml' && !/^["']/.test(draft.raw) && YAML_TRUE.test(text);
      const read = typeof draft.value === 'number' ? draft.value !== 0 : yamlWord || TRUE_TEXT.test(text);
      reports.push({
        place: draft.place,
        message: said('draftCoerced', draft.raw, read),
      });
    }
    return reports;
  },
};
