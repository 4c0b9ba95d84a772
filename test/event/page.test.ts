import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEventPage } from '../../src/event/page.js';
import { FIXTURES } from '../helpers/site.js';

const page = (name: string) => readFileSync(path.join(FIXTURES, 'event-pages', name), 'utf8');

describe('readEventPage', () => {
  it('reads a schema.org Event beside other JSON-LD blocks, entities and escapes decoded', () => {
    expect(readEventPage(page('meetup-jsonld.html'), 'https://www.meetup.com/x/')).toEqual({
      broken: 0,
      info: {
        source: 'JSON-LD',
        name: 'Berlin Go Meetup: Generics in practice',
        url: 'https://www.meetup.com/golang-users-berlin/events/250000000/',
        startDate: '2018-05-24T19:00+02:00',
        description: 'Talks about <generics> and tooling. Bring a laptop.',
        location: 'Factory Berlin, Berlin Rheinsberger Str. 76',
        organizer: 'Golang Users Berlin',
        hashtag: 'golangberlin',
        talks: [],
      },
    });
  });

  it('finds a subtype in @graph, its talks, the hashtag link, and the connpass series', () => {
    const { info } = readEventPage(page('connpass-like.html'), 'https://dena.connpass.com/event/150676/');
    expect(info).toMatchObject({
      name: 'DeNA.go #3',
      startDate: '2019-11-01T19:00:00+09:00',
      hashtag: 'DeNAgo',
      series: 'DeNA.go',
      location: '渋谷ヒカリエ 21F, 東京都渋谷区渋谷2-21-1',
      talks: [
        {
          title: '[Go活用事例]安全運転支援サービスを支える運用サイト',
          speaker: '@suhirotaka',
          slides: 'https://speakerdeck.com/suhirotaka/gohuo-yong-shi-li',
        },
        { title: 'WebシステムのパフォーマンスとGo', speaker: '@karupanerura' },
      ],
    });
  });

  it('skips invalid JSON-LD and counts it; takes an event from a top-level array', () => {
    expect(readEventPage(page('broken-jsonld.html'), 'https://example.com/')).toMatchObject({
      broken: 1,
      info: { name: 'Kotlin Fest', startDate: '2025-06-10T10:00:00.000Z' },
    });
  });

  it('falls back to OpenGraph, then <title>', () => {
    expect(readEventPage(page('og-only.html'), 'https://example.com/')).toEqual({
      broken: 0,
      info: {
        source: 'OpenGraph',
        name: 'Rust.Tokyo 2026 & friends',
        url: 'https://peatix.example/event/4000000',
        description: 'A day of Rust talks in Tokyo',
        talks: [],
      },
    });
    expect(readEventPage(page('title-only.html'), 'https://example.com/e')).toMatchObject({
      info: { source: '<title>', name: 'TypeScript 勉強会 #42', url: 'https://example.com/e' },
    });
  });

  it('finds no event on a page without one', () => {
    expect(readEventPage(page('no-event.html'), 'https://example.com/')).toEqual({ broken: 0 });
  });
});
