import path from 'node:path';
import type { Report, Rule } from '../types.js';
import { said } from './helpers.js';

export const imageFormat: Rule = {
  meta: {
    id: 'image-format',
    description: 'a HEIC/HEIF or TIFF photo in a post: browsers other than Safari do not show it',
    severity: 'warn',
    fixable: false,
    // On the main thread, after the post phase: the photos' cache lives there (photo-index.ts).
    scope: 'site',
  },
  check(context) {
    const reports: Report[] = [];
    for (const { lookup, ref } of context.images) {
      if (!lookup || lookup.status === 'missing') continue;
      const format = context.photos?.facts(lookup.file)?.format;
      if (format !== 'heif' && format !== 'tiff') continue;
      const file = path.relative(context.site.root, lookup.file).split(path.sep).join('/');
      reports.push({
        place: context.post.lines.place(ref.urlStart, ref.urlEnd),
        message: said('imageFormat', file, format === 'heif' ? 'HEIC' : 'TIFF'),
      });
    }
    return reports;
  },
};
