import type { Report, Rule } from '../types.js';
import { say } from './helpers.js';
import { replaceUrl, shown } from './image-helpers.js';

export const imageSelfUrl: Rule = {
  meta: { id: 'image-self-url', description: "an absolute URL on the site's own baseURL: it breaks when the domain moves", severity: 'warn', fixable: true },
  check(context) {
    const reports: Report[] = [];
    for (const image of context.images) {
      const { target, ref } = image;
      if (target.kind !== 'self' || !target.rootRelative) continue;
      const report: Report = {
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: say(
          context,
          `${shown(ref.url)} is an absolute URL of this site: it breaks when the domain or baseURL changes; write ${target.rootRelative}`,
          `${shown(ref.url)} はこのサイト自身の絶対URLです。ドメインや baseURL が変わると切れます。${target.rootRelative} と書いてください`,
        ),
      };
      const fix = replaceUrl(image, target.rootRelative);
      if (fix) report.fix = fix;
      reports.push(report);
    }
    return reports;
  },
};
