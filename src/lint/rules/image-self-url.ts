import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';
import { replaceUrl, shown } from './image-helpers.js';

export const imageSelfUrl: Rule = {
  meta: {
    id: 'image-self-url',
    description: "an absolute URL on the site's own baseURL: it breaks when the domain moves",
    severity: 'warn',
    fixable: true,
  },
  check(context) {
    const reports: Report[] = [];
    for (const image of context.images) {
      const { target, ref } = image;
      if (target.kind !== 'self' || !target.rootRelative) continue;
      const report: Report = {
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: said('selfUrl', shown(ref.url), target.rootRelative),
      };
      const fix = replaceUrl(image, target.rootRelative);
      if (fix) report.fix = fix;
      reports.push(report);
    }
    return reports;
  },
};
