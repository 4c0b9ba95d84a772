import type { Rule } from '../types.js';
import { said } from './helpers.js';

export const frontmatterSyntax: Rule = {
  meta: {
    id: 'frontmatter-syntax',
    description: 'front matter that Hugo cannot read: no closing delimiter, invalid TOML or YAML',
    severity: 'error',
    fixable: false,
  },
  check(context) {
    const { syntax } = context.post;
    if (!syntax) return [];
    return [{ place: syntax.place, message: said('syntax', syntax.problem) }];
  },
};
