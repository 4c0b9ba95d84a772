import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';
import { shown } from './image-helpers.js';

export const imageMissing: Rule = {
  meta: { id: 'image-missing', description: 'an image whose file does not exist', severity: 'error', fixable: false },
  check(context) {
    const reports: Report[] = [];
    for (const image of context.images) {
      const { ref, target, lookup } = image;
      const place = context.post.lines.place(ref.urlStart, ref.urlEnd);
      if (target.kind === 'empty') {
        reports.push({ place, message: said('noUrl') });
      } else if (target.kind === 'outside') {
        reports.push({ place, message: said('outsideSite', shown(ref.url)) });
      } else if (target.kind !== 'skip' && target.kind !== 'localhost' && lookup?.status === 'missing') {
        reports.push({
          place,
          message: said('imageMissing', String(image.display), lookup.suggestions),
        });
      }
    }
    return reports;
  },
};
