/**
 * Front matter dates as Hugo reads them. Hugo (through spf13/cast) tries a fixed list of Go time
 * layouts on a date written as a string; one that none of them reads is silently the zero date
 * (0001-01-01), so the page is dated wrongly: that, and a day the calendar does not have, are what
 * lint reports. TOML date-time literals are read by the TOML parser and are dates already.
 * Checked against the real hugo binary in test/lint/hugo-differential.test.ts.
 */

import { daysInMonth } from './calendar.js';

export type DateReading =
  | {
      ok: true /** Milliseconds; for a date without an offset, the earliest it can be (in UTC+14). */;
      earliest: number;
    }
  | { ok: false; problem: 'calendar' | 'time' | 'format'; text: string };

const MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAYS = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

/**
 * Pieces of a Go layout, as regular expressions with named groups (Go's parse rules: hour 1-2 digits, the rest fixed).
 */
const PIECES: Record<string, string> = {
  '2006': '(?<year>\\d{4})',
  '06': '(?<year2>\\d{2})',
  '01': '(?<month>\\d{2})',
  Jan: `(?<monthName>${MONTHS_SHORT.join('|')})`,
  '02': '(?<day>\\d{2})',
  _2: ' ?(?<day>\\d{1,2})',
  '15': '(?<hour>\\d{1,2})',
  '04': '(?<minute>\\d{2})',
  // Go reads a fraction after the seconds even where the layout has none (with . or ,).
  '05': '(?<second>\\d{2})(?:[.,]\\d+)?',
  '.999999999': '',
  Monday: LONG_DAYS,
  Mon: DAYS,
  MST: '(?:[A-Z]{3,5}|GMT[+-]\\d{1,2})',
  'Z07:00': '(?<zone>Z|[+-]\\d{2}:\\d{2})',
  Z0700: '(?<zone>Z|[+-]\\d{4})',
  '-07:00': '(?<zone>[+-]\\d{2}:\\d{2})',
  '-0700': '(?<zone>[+-]\\d{4})',
};

/** spf13/cast's layouts, in its order (the time-only ones give year 0: no date for a page, so not listed). */
const LAYOUTS = [
  '2006-01-02T15:04:05Z07:00',
  '2006-01-02T15:04:05',
  'Mon, 02 Jan 2006 15:04:05 -0700',
  'Mon, 02 Jan 2006 15:04:05 MST',
  '02 Jan 06 15:04 -0700',
  '02 Jan 06 15:04 MST',
  'Monday, 02-Jan-06 15:04:05 MST',
  '2006-01-02 15:04:05.999999999 -0700 MST',
  '2006-01-02T15:04:05-0700',
  '2006-01-02 15:04:05Z0700',
  '2006-01-02 15:04:05',
  'Mon Jan _2 15:04:05 2006',
  'Mon Jan _2 15:04:05 MST 2006',
  'Mon Jan 02 15:04:05 -0700 2006',
  '2006-01-02 15:04:05Z07:00',
  '2006-01-02',
  '02 Jan 2006',
  '2006-01-02 15:04:05 -07:00',
  '2006-01-02 15:04:05 -0700',
];

const TOKEN = new RegExp(
  Object.keys(PIECES)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

function compile(layout: string): RegExp {
  let source = '';
  let last = 0;
  for (const match of layout.matchAll(TOKEN)) {
    source += layout.slice(last, match.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + PIECES[match[0]]!;
    last = match.index + match[0].length;
  }
  source += layout.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Go matches month and day names in any case; everything else is as written.
  return new RegExp(`^${source}$`, layout.includes('Jan') || layout.includes('Mon') ? 'i' : '');
}

const COMPILED = LAYOUTS.map(compile);

const readings = new Map<string, DateReading>();

/** Reads the text of a date value (quotes removed) as Hugo would; cached, as many posts share dates. */
export function readDate(raw: string): DateReading {
  let reading = readings.get(raw);
  if (!reading) readings.set(raw, (reading = read(raw)));
  return reading;
}

function read(raw: string): DateReading {
  const text = raw
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .trim();
  let lastProblem: 'calendar' | 'time' | undefined;
  for (const layout of COMPILED) {
    const groups = layout.exec(text)?.groups;
    if (!groups) continue;
    const year =
      groups.year !== undefined
        ? Number(groups.year)
        : Number(groups.year2) + (Number(groups.year2) >= 69 ? 1900 : 2000);
    const month =
      groups.month !== undefined ? Number(groups.month) : MONTHS_SHORT.indexOf(groups.monthName!.toLowerCase()) + 1;
    const day = Number(groups.day);
    const [hour, minute, second] = [groups.hour, groups.minute, groups.second].map((v) => Number(v ?? 0)) as [
      number,
      number,
      number,
    ];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      lastProblem ??= 'calendar';
      continue;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      lastProblem ??= 'time';
      continue;
    }
    const utc = Date.UTC(year, month - 1, day, hour, minute, second);
    const zone = groups.zone;
    // No offset (or only a zone name, whose offset Go may not know): the earliest it can mean.
    if (!zone) return { ok: true, earliest: utc - 14 * 3600_000 };
    if (zone === 'Z') return { ok: true, earliest: utc };
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return { ok: true, earliest: utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000 };
  }
  return { ok: false, problem: lastProblem ?? 'format', text };
}

export interface MonthLength {
  year: number;
  /** 1 to 12. */
  month: number;
  days: number;
}

/** How many days the month of a `YYYY-MM...` text has, for a message about a day that does not exist. */
export function monthDays(text: string): MonthLength | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(match[1]), month, days: daysInMonth(Number(match[1]), month) };
}
