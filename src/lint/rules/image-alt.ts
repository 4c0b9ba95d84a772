import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';
import { shown } from './image-helpers.js';

export const imageAlt: Rule = {
  meta: {
    id: 'image-alt',
    description: 'an image without alt text (screen readers, and the text shown when it fails to load)',
    severity: 'warn',
    fixable: false,
  },
  check(context) {
    const reports: Report[] = [];
    for (const { ref } of context.images) {
      if (!ref.checkAlt) continue;
      // <img alt=""> marks a decorative image on purpose; a Markdown image has no such form.
      const missing = ref.syntax === 'img' || ref.syntax === 'figure' ? ref.alt === undefined : !ref.alt?.trim();
      if (!missing) continue;
      const how = ref.syntax === 'img' ? 'alt="..."' : ref.syntax === 'figure' ? 'alt="..."' : '![...](...)';
      reports.push({
        place: context.post.lines.place(ref.start, ref.end),
        message: said('noAlt', shown(ref.url), how),
      });
    }
    return reports;
  },
};
