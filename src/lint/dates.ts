/** Front matter dates as written: real calendar days, and the earliest instant they can mean. */

import { daysInMonth } from '../post/calendar.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;

export type DateReading =
  | { ok: true; /** Milliseconds; for a date without offset, the earliest it can be (in UTC+14). */ earliest: number }
  | { ok: false; problem: 'calendar' | 'time' | 'format'; text: string };

const readings = new Map<string, DateReading>();

/** Reads the text of a date value (quotes removed). Formats other than ISO 8601 that JavaScript can read are accepted unchecked. */
export function readDate(raw: string): DateReading {
  let reading = readings.get(raw);
  if (!reading) readings.set(raw, (reading = read(raw)));
  return reading;
}

function read(raw: string): DateReading {
  const text = raw.trim().replace(/^(['"])(.*)\1$/, '$2').trim();
  const match = ISO.exec(text);
  if (!match) {
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? { ok: false, problem: 'format', text } : { ok: true, earliest: parsed };
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: 'calendar', text };
  if (hour > 23 || minute > 59 || second > 60) return { ok: false, problem: 'time', text };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (!offset) return { ok: true, earliest: utc - 14 * 3600_000 };
  if (/^z$/i.test(offset)) return { ok: true, earliest: utc };
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return { ok: true, earliest: utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000 };
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthDays(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return `${MONTHS[month - 1]} ${match[1]} has ${daysInMonth(Number(match[1]), month)} days`;
}
