import { createRequire } from 'node:module';
import type dayjsType from 'dayjs';
import type {} from 'dayjs/plugin/timezone.js';
import type {} from 'dayjs/plugin/utc.js';
import type { Problem } from '../i18n/problems.js';
import { daysInMonth } from './calendar.js';

// require, not import: dayjs is CommonJS, and Node 20 loads it faster this way.
const require = createRequire(import.meta.url);
const dayjs = require('dayjs') as typeof dayjsType;
dayjs.extend(require('dayjs/plugin/utc.js'));
dayjs.extend(require('dayjs/plugin/timezone.js'));

/** A post date as written in front matter, with the calendar parts the path patterns use. */
export interface PostDate {
  /** `2019-11-01T19:00:00+09:00` */
  text: string;
  yyyy: string;
  mm: string;
  dd: string;
  /** `2019-11-01 19:00`, as the prompts show it. */
  display: string;
}

const FORM = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:mm` (also with `T` and seconds) or an ISO date-time with an
 * offset. Without an offset the time is read in the given zone; with one, the offset is kept.
 * Returns an error message for anything else, including dates that do not exist (2023-02-30).
 */
export function parsePostDate(input: string, timezone: string): PostDate | { problem: Problem } {
  const match = FORM.exec(input.trim());
  if (!match) return { problem: { id: 'dateFormat', value: input } };
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { problem: { id: 'dateCalendar', value: `${y}-${mo}-${d}` } };
  if (hour > 23 || minute > 59 || second > 59) return { problem: { id: 'timeOfDay', value: `${h}:${mi}:${s}` } };
  if (offset) {
    const normalized = offset.toUpperCase() === 'Z' ? 'Z' : offset;
    if (normalized !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59))
      return { problem: { id: 'offset', value: offset } };
    const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${normalized}`;
    return { text, yyyy: y!, mm: mo!, dd: d!, display: `${y}-${mo}-${d} ${h}:${mi}` };
  }
  const local = dayjs.tz(`${y}-${mo}-${d} ${h}:${mi}:${s}`, 'YYYY-MM-DD HH:mm:ss', timezone);
  return {
    text: local.format('YYYY-MM-DDTHH:mm:ssZ'),
    yyyy: y!,
    mm: mo!,
    dd: d!,
    display: `${y}-${mo}-${d} ${h}:${mi}`,
  };
}

/** Now, to the minute, in the given zone. */
export function currentPostDate(now: Date, timezone: string): PostDate {
  const local = dayjs(now).tz(timezone);
  const result = parsePostDate(local.format('YYYY-MM-DD HH:mm'), timezone);
  if ('problem' in result) throw new Error(`cannot read the current time: ${result.problem.id}`);
  return result;
}

/** An instant written in UTC (`...Z`), as local time with the offset of the given zone. */
export function inZone(isoUtc: string, timezone: string): string | undefined {
  const instant = dayjs(isoUtc);
  return instant.isValid() ? instant.tz(timezone).format('YYYY-MM-DDTHH:mm:ssZ') : undefined;
}
