import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';
import { replaceUrl, shown } from './image-helpers.js';

export const imageLocalhost: Rule = {
  meta: {
    id: 'image-localhost',
    description: 'a localhost / 127.0.0.1 / 0.0.0.0 / [::1] URL left in from `hugo server`',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    const reports: Report[] = [];
    for (const image of context.images) {
      const { target, ref, lookup } = image;
      if (target.kind !== 'localhost') continue;
      const found = lookup?.status === 'found';
      const report: Report = {
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: said('localhost', shown(ref.url), found ? (target.rootRelative ?? '') : ''),
      };
      const fix = found && target.rootRelative ? replaceUrl(image, target.rootRelative) : undefined;
      if (fix) report.fix = fix;
      reports.push(report);
    }
    return reports;
  },
};
