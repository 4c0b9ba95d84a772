import type { Report, Rule } from '../types.js';
import { say } from './helpers.js';
import { shown } from './image-helpers.js';

export const imageMissing: Rule = {
  meta: { id: 'image-missing', description: 'an image whose file does not exist', severity: 'error', fixable: false },
  check(context) {
    const reports: Report[] = [];
    for (const image of context.images) {
      const { ref, target, lookup } = image;
      const place = context.post.lines.place(ref.urlStart, ref.urlEnd);
      if (target.kind === 'empty') {
        reports.push({ place, message: say(context, 'the image has no URL; give the path of the file', '画像のURLが空です。ファイルのパスを書いてください') });
      } else if (target.kind === 'outside') {
        reports.push({ place, message: say(context, `${shown(ref.url)} points outside the site`, `${shown(ref.url)} はサイトの外を指しています`) });
      } else if (target.kind !== 'skip' && target.kind !== 'localhost' && lookup?.status === 'missing') {
        const hint = lookup.suggestions.length ? say(context, `; did you mean ${lookup.suggestions.join(' or ')}?`, `。${lookup.suggestions.join(' か ')} のことですか？`) : '';
        reports.push({
          place,
          message: say(context, `${image.display} not found${hint || '; add the file or fix the path'}`, `${image.display} が見つかりません${hint || '。ファイルを追加するかパスを直してください'}`),
        });
      }
    }
    return reports;
  },
};
