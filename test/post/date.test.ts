import { describe, expect, it } from 'vitest';
import { currentPostDate, parsePostDate } from '../../src/post/date.js';

describe('parsePostDate', () => {
  it.each([
    ['2019-11-01', 'Asia/Tokyo', '2019-11-01T00:00:00+09:00'],
    ['2019-11-01 19:00', 'Asia/Tokyo', '2019-11-01T19:00:00+09:00'],
    ['2019-11-01T19:00', 'Asia/Tokyo', '2019-11-01T19:00:00+09:00'],
    ['2019-11-01 19:00:30', 'UTC', '2019-11-01T19:00:30+00:00'],
    ['2019-07-01 19:00', 'Europe/Berlin', '2019-07-01T19:00:00+02:00'],
    ['2019-12-01 19:00', 'Europe/Berlin', '2019-12-01T19:00:00+01:00'],
    ['2019-11-01T19:00:00+09:00', 'Europe/Berlin', '2019-11-01T19:00:00+09:00'],
    ['2019-11-01T10:00:00Z', 'Asia/Tokyo', '2019-11-01T10:00:00Z'],
    ['2019-11-01T10:00:00.123-05:30', 'Asia/Tokyo', '2019-11-01T10:00:00-05:30'],
    ['2024-02-29', 'Asia/Tokyo', '2024-02-29T00:00:00+09:00'],
  ])('%s in %s is %s', (input, zone, expected) => {
    expect(parsePostDate(input, zone)).toMatchObject({ text: expected });
  });

  it('gives the calendar parts for the path patterns', () => {
    expect(parsePostDate('2019-11-01 19:00', 'Asia/Tokyo')).toMatchObject({
      yyyy: '2019',
      mm: '11',
      dd: '01',
      display: '2019-11-01 19:00',
    });
  });

  it.each([
    ['2023-02-30', 'dateCalendar'],
    ['2023-02-29', 'dateCalendar'],
    ['2019-13-01', 'dateCalendar'],
    ['2019-11-01 24:00', 'timeOfDay'],
    ['2019-11-01T19:00+25:00', 'offset'],
    ['11/01/2019', 'dateFormat'],
    ['tomorrow', 'dateFormat'],
    ['2019-11-1', 'dateFormat'],
  ])('rejects %s (%s)', (input, id) => {
    expect(parsePostDate(input, 'Asia/Tokyo')).toEqual({ problem: expect.objectContaining({ id }) });
  });
});

describe('currentPostDate', () => {
  it('is now, to the minute, in the site zone', () => {
    expect(currentPostDate(new Date('2026-11-25T21:37:17Z'), 'Asia/Tokyo').text).toBe('2026-11-26T06:37:00+09:00');
  });
});
