import { describe, expect, it } from 'vitest';
import { eventDate, suggestionsFrom } from '../../src/event/suggest.js';

describe('eventDate', () => {
  it.each([
    ['2019-11-01T19:00:00+09:00', 'Asia/Tokyo', '2019-11-01T19:00:00+09:00'],
    ['2018-05-24T19:00+02:00', 'Asia/Tokyo', '2018-05-24T19:00:00+02:00'],
    ['2025-06-10T10:00:00.000Z', 'Asia/Tokyo', '2025-06-10T19:00:00+09:00'],
    ['2012-04-17T18:30:00+0900', 'UTC', '2012-04-17T18:30:00+09:00'],
    ['2019-11-01', 'Asia/Tokyo', '2019-11-01T00:00:00+09:00'],
    ['2019-11-01T19:00:00', 'Europe/Berlin', '2019-11-01T19:00:00+01:00'],
  ])('%s in %s is %s', (input, zone, expected) => {
    expect(eventDate(input, zone)?.text).toBe(expected);
  });
  it('drops what is not a date', () => {
    expect(eventDate('next Friday', 'UTC')).toBeUndefined();
  });
});

describe('suggestionsFrom', () => {
  it('offers checked values, one line each', () => {
    const suggested = suggestionsFrom(
      {
        name: 'DeNA.go\n#3',
        url: 'javascript:alert(1)',
        hashtag: '#DeNAgo',
        startDate: '2019-11-01T19:00:00+09:00',
        description: 'a\u0007b',
        talks: [],
        source: 'JSON-LD',
      },
      'https://dena.connpass.com/event/150676/',
      'Asia/Tokyo',
    );
    expect(suggested).toMatchObject({
      event: 'DeNA.go #3',
      title: '【DeNA.go #3】',
      eventUrl: 'https://dena.connpass.com/event/150676/',
      hashtag: 'DeNAgo',
      description: 'a b',
    });
    expect(suggested.date?.text).toBe('2019-11-01T19:00:00+09:00');
  });
});
