import { baseOf } from '../../config/base-url.js';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';
import { shown } from './image-helpers.js';

export const imageRootRelative: Rule = {
  meta: {
    id: 'image-root-relative',
    description: 'a /img/... path while baseURL has a sub-path: Hugo links it outside the site',
    severity: 'warn',
    fixable: false,
  },
  check(context) {
    const reports: Report[] = [];
    const { prefix } = baseOf(context.site);
    for (const image of context.images) {
      const { target, ref } = image;
      if (target.kind !== 'root' || !target.outsideSubPath) continue;
      const inside = `${prefix}${ref.url.replace(/^\/+/, '')}`;
      reports.push({
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: said('rootRelative', shown(ref.url), prefix, shown(inside)),
      });
    }
    return reports;
  },
};
