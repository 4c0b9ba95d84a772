import path from 'node:path';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';

export const imageHeavy: Rule = {
  meta: {
    id: 'image-heavy',
    description: 'a photo larger than [images] maxBytes, or wider than twice [images] maxWidth: slow pages on phones',
    severity: 'warn',
    fixable: false,
    // On the main thread, after the post phase: the photos' cache lives there (photo-index.ts).
    scope: 'site',
  },
  check(context) {
    const reports: Report[] = [];
    const { maxBytes, maxWidth } = context.site.images;
    const seen = new Set<string>();
    for (const { lookup, ref } of context.images) {
      if (!lookup || lookup.status === 'missing' || seen.has(lookup.file)) continue;
      seen.add(lookup.file);
      const facts = context.photos?.facts(lookup.file);
      if (!facts || (facts.bytes <= maxBytes && (facts.width ?? 0) <= 2 * maxWidth)) continue;
      const file = path.relative(context.site.root, lookup.file).split(path.sep).join('/');
      const size = `${(facts.bytes / 1048576).toFixed(1)} MB`;
      const width = facts.width ? `${facts.width} px` : '';
      reports.push({
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: said('imageHeavy', file, size, width, `${(maxBytes / 1048576).toFixed(1)} MB`, `${maxWidth} px`),
      });
    }
    return reports;
  },
};
