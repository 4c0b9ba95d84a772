import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FIXTURES } from './site.js';

const page = (name: string) => readFileSync(path.join(FIXTURES, 'event-pages', name));

/** What a fake connpass API v2 answers, in the shape of the real one. */
const CONNPASS_EVENT = {
  results_returned: 1,
  results_available: 1,
  results_start: 1,
  events: [
    {
      id: 364,
      title: 'BPStudy#56',
      catch: 'Pythonの本を書いた人たちに聞く',
      description: '<p>description in HTML</p>',
      url: 'https://bpstudy.connpass.com/event/364/',
      hash_tag: 'bpstudy',
      started_at: '2012-04-17T18:30:00+09:00',
      ended_at: '2012-04-17T20:30:00+09:00',
      group: { id: 1, subdomain: 'bpstudy', title: 'BPStudy', url: 'https://bpstudy.connpass.com/' },
      place: '株式会社BePROUD',
      address: '東京都豊島区東池袋1-48-10',
      owner_nickname: 'haru860',
      owner_display_name: 'haru860',
    },
  ],
};

const CONNPASS_PRESENTATIONS = {
  results_returned: 2,
  presentations: [
    {
      user: { id: 8, nickname: 'haru860' },
      url: 'https://www.slideshare.net/example/pythonbook',
      name: 'Python本の裏話',
      presenter: { id: 8, nickname: 'haru860' },
      presentation_type: 'slide',
    },
    {
      user: { id: 9, nickname: 'uploader' },
      url: 'https://www.youtube.com/watch?v=abc',
      name: '懇親会の動画',
      presenter: null,
      presentation_type: 'movie',
    },
  ],
};

const eventPage = (event: Record<string, unknown>) => {
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Event', ...event });
  return `<html><head><script type="application/ld+json">${jsonLd}</script></head></html>`;
};

/** Pages an attacker would serve: control characters, bidi overrides and escape sequences, and far too many talks. */
export const HOSTILE_PAGES: Record<string, string> = {
  controls: eventPage({
    name: 'Evil\u0000 meetup\u0007 \u001b[31mred\u001b[0m \u202egnp.exe',
    startDate: '2026-11-01T19:00:00+09:00',
    description: 'bell\u0007 and \u009b C1',
  }),
  talks: eventPage({
    name: 'Talks meetup',
    startDate: '2026-11-01T19:00:00+09:00',
    subEvent: [
      {
        '@type': 'Event',
        name: 'First\u0007 talk\u001b[2J',
        performer: { name: 'Taro\u202e' },
        url: 'https://example.com/slides',
      },
      { '@type': 'Event', name: '\u0000\u0001', url: 'javascript:alert(1)' },
      { '@type': 'Event', name: 'Second talk', url: 'javascript:alert(1)' },
    ],
  }),
  'many-talks': eventPage({
    name: 'Huge conference',
    startDate: '2026-11-01T19:00:00+09:00',
    subEvent: Array.from({ length: 20_000 }, (_, i) => ({ '@type': 'Event', name: `Talk ${i + 1}` })),
  }),
};

/**
 * A local HTTP server (loopback only) with event pages written for these tests in the shape of the
 * real sites, the failures a fetch meets, and a fake connpass API. Started once per test file.
 */
export function eventServer(): { url: (route: string) => string } {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const html = (body: Buffer | string) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(body);
      };
      if (pathname.startsWith('/pages/')) return html(page(pathname.slice('/pages/'.length)));
      if (pathname.startsWith('/hostile/')) return html(HOSTILE_PAGES[pathname.slice('/hostile/'.length)] ?? '');
      if (pathname === '/redirect') return response.writeHead(302, { location: '/pages/connpass-like.html' }).end();
      if (pathname.startsWith('/loop/'))
        return response.writeHead(301, { location: `/loop/${Number(pathname.slice(6)) + 1}` }).end();
      if (pathname === '/to-ftp') return response.writeHead(302, { location: 'ftp://example.com/event' }).end();
      if (pathname === '/missing') return response.writeHead(404, { 'content-type': 'text/html' }).end('not here');
      if (pathname === '/broken-server') return response.writeHead(503, { 'content-type': 'text/html' }).end('down');
      if (pathname === '/json') return response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (pathname === '/huge') {
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        for (let i = 0; i < 6; i++) response.write(chunk);
        return response.end();
      }
      if (pathname === '/slow') return setTimeout(() => html(page('og-only.html')), 5_000);
      if (pathname.startsWith('/api/v2/')) {
        if (request.headers['x-api-key'] !== 'test-key')
          return response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        response.writeHead(200, { 'content-type': 'application/json' });
        if (pathname === '/api/v2/events/') return response.end(JSON.stringify(CONNPASS_EVENT));
        if (pathname === '/api/v2/events/364/presentations/')
          return response.end(JSON.stringify(CONNPASS_PRESENTATIONS));
        return response.end(JSON.stringify({ results_returned: 0, events: [] }));
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: (route: string) => `${base}${route}` };
}
