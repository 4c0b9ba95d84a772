import path from 'node:path';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';

export const imageGps: Rule = {
  meta: {
    id: 'image-gps',
    description: 'a photo of the post that carries the GPS position where it was taken (EXIF): the site publishes it',
    severity: 'error',
    fixable: true,
    // On the main thread, after the post phase: the photos' cache lives there (photo-index.ts).
    scope: 'site',
  },
  check(context) {
    const reports: Report[] = [];
    const seen = new Set<string>();
    for (const { lookup, ref } of context.images) {
      if (!lookup || lookup.status === 'missing' || seen.has(lookup.file)) continue;
      seen.add(lookup.file);
      if (!context.photos?.facts(lookup.file)?.gps) continue;
      const file = path.relative(context.site.root, lookup.file).split(path.sep).join('/');
      const place = context.post.lines.place(ref.urlStart, ref.urlEnd);
      reports.push({ place, message: said('imageGps', file), photo: lookup.file });
    }
    return reports;
  },
};
