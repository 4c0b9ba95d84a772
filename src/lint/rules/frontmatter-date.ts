import type { Rule } from '../types.js';
import { said } from './helpers.js';

export const frontmatterDate: Rule = {
  meta: {
    id: 'frontmatter-date',
    description:
      'a post without a date in a section of dated posts (that of new.postPath, or one where most pages have a ' +
      'date): Hugo dates it 0001-01-01 and lists it last. Standalone pages, _index.md and headless bundles need ' +
      'none',
    severity: 'error',
    fixable: false,
    scope: 'site',
  },
  check(context) {
    const { post, datedSections, site } = context;
    if (
      !post.hasFrontMatter ||
      post.syntax ||
      post.fatal ||
      post.encoding ||
      post.isListPage ||
      post.headless ||
      post.dated
    )
      return [];
    // `date` left out of lint.requiredFields: the site does not want it checked.
    if (!site.lint.requiredFields.some((key) => key.toLowerCase() === 'date')) return [];
    if (!datedSections?.has(post.section)) return [];
    return [
      {
        place: post.top,
        message: said('noDate', post.section),
      },
    ];
  },
};
