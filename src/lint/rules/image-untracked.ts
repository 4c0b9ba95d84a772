import path from 'node:path';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';

export const imageUntracked: Rule = {
  meta: {
    id: 'image-untracked',
    description: 'an image that exists on disk but not in git (new, unstaged or ignored): it will 404 after the push',
    severity: 'error',
    fixable: false,
    scope: 'site',
  },
  check(context) {
    const { tracked } = context;
    if (!tracked) return [];
    const reports: Report[] = [];
    for (const image of context.images) {
      const { lookup, ref } = image;
      if (!lookup || lookup.status === 'missing' || tracked.has(lookup.file)) continue;
      const file = path.relative(context.site.root, lookup.file).split(path.sep).join('/');
      reports.push({
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: said('untracked', file),
      });
    }
    return reports;
  },
};
