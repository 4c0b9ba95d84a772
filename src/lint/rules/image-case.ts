import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';
import { renameSegments, replaceUrl } from './image-helpers.js';

export const imageCase: Rule = {
  meta: {
    id: 'image-case',
    description:
      'an image that exists only with another letter case or Unicode normalization: works on macOS, 404 on Linux ' +
      'hosting',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    const reports: Report[] = [];
    for (const image of context.images) {
      const { lookup, target, ref } = image;
      if (lookup?.status !== 'case' || target.kind === 'skip' || target.kind === 'empty' || target.kind === 'outside')
        continue;
      const candidate = target.candidates.find((c) => lookup.file.startsWith(c.base));
      const wanted = candidate?.segments ?? [];
      const differs = wanted.map((name, i) => [name, lookup.actual[i]!] as const).filter(([a, b]) => a !== b);
      const names = differs.map(([, actual]) => actual).join(', ');
      const report: Report = {
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: said('imageCase', String(image.display), names),
      };
      const fix = candidate && replaceUrl(image, renameSegments(ref.url, wanted, lookup.actual));
      if (fix) report.fix = fix;
      reports.push(report);
    }
    return reports;
  },
};
