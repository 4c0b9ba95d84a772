import { getField } from '../../post/parse.js';
import { monthDays, readDate } from '../dates.js';
import type { Report, Rule } from '../types.js';
import { say } from './helpers.js';

const DATE_FIELDS = ['date', 'publishDate', 'lastmod', 'expiryDate'];

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

export const frontmatterFields: Rule = {
  meta: {
    id: 'frontmatter-fields',
    description: 'required fields missing or empty; dates that are not calendar days; draft not a boolean; taxonomies not lists of strings',
    severity: 'error',
    fixable: false,
  },
  check(context) {
    const { post, site } = context;
    const reports: Report[] = [];
    if (post.syntax || post.fatal) return reports;
    const required = post.isListPage ? [] : site.lint.requiredFields;
    if (!post.data) {
      if (required.length) {
        reports.push({
          place: post.top,
          message: say(
            context,
            `no front matter; start the post with +++ and ${required.join(', ')} (Hugo needs them to list the post)`,
            `フロントマターがありません。+++ で始めて ${required.join('、')} を書いてください`,
          ),
        });
      }
      return reports;
    }
    for (const key of required) {
      const field = post.fields.get(key.toLowerCase());
      const value = getField(post.data, key);
      if (!field && value === undefined) {
        reports.push({ place: post.top, message: say(context, `"${key}" is missing from the front matter; add it`, `フロントマターに「${key}」がありません。追加してください`) });
      } else if (isEmpty(value)) {
        reports.push({ place: field?.place ?? post.top, message: say(context, `"${key}" is empty; give it a value`, `「${key}」が空です。値を入れてください`) });
      }
    }
    for (const key of DATE_FIELDS) {
      const field = post.fields.get(key.toLowerCase());
      if (!field) continue;
      const reading = readDate(field.raw);
      if (reading.ok) continue;
      const days = monthDays(reading.text);
      const message =
        reading.problem === 'calendar'
          ? say(
              context,
              `${field.key} ${reading.text} is not a day of the calendar${days ? ` (${days})` : ''}; TOML and YAML parsers would silently move it to another day`,
              `${field.key} の ${reading.text} は存在しない日付です。パーサーは黙って別の日に変えてしまいます`,
            )
          : reading.problem === 'time'
            ? say(context, `${field.key} ${reading.text} has a time of day that does not exist`, `${field.key} の ${reading.text} は存在しない時刻です`)
            : say(context, `${field.key} "${reading.text}" is not a date; write it like 2019-11-01T19:00:00+09:00`, `${field.key} の「${reading.text}」は日付ではありません。2019-11-01T19:00:00+09:00 のように書いてください`);
      reports.push({ place: field.place, message });
    }
    const draft = post.fields.get('draft');
    if (draft && typeof draft.value !== 'boolean') {
      reports.push({
        place: draft.place,
        message: say(context, `draft must be true or false without quotes, not ${draft.raw}`, `draft は引用符なしの true か false にしてください（${draft.raw} ではなく）`),
      });
    }
    for (const [, field] of post.taxonomies) {
      const ok = Array.isArray(field.value) && !field.hasNonString;
      if (ok) continue;
      reports.push({
        place: field.place,
        message: say(context, `${field.key} must be a list of strings, e.g. ${field.key} = ["Go", "勉強会"]`, `${field.key} は文字列のリストにしてください（例: ${field.key} = ["Go", "勉強会"]）`),
      });
    }
    return reports;
  },
};
