import { describe, expect, it } from 'vitest';
import { readEvent } from '../../src/event/read.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { eventServer } from '../helpers/event-server.js';

const server = eventServer();

describe('readEvent (a local server)', () => {
  it('reads a page after a redirect', async () => {
    const { info, problems } = await readEvent(server.url('/redirect'), {});
    expect(problems).toEqual([]);
    expect(info).toMatchObject({ name: 'DeNA.go #3', source: 'JSON-LD' });
  });

  it.each([
    ['/missing', /: the server answered 404 Not Found$/],
    ['/broken-server', /: the server answered 503 Service Unavailable$/],
    ['/json', /: not an HTML page \(application\/json\)$/],
    ['/huge', /: the page is larger than 5 MB$/],
    ['/loop/0', /: more than 5 redirects$/],
    ['/to-ftp', /ftp:\/\/example\.com\/event: only http:\/\/ and https:\/\/ pages are read, not ftp:$/],
    ['/pages/no-event.html', /: no event on the page \(no JSON-LD Event, OpenGraph title or <title>\)$/],
  ])('says what went wrong with %s', async (route, message) => {
    const { info, problems } = await readEvent(server.url(route), {});
    expect(info).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!(MESSAGES.en)).toMatch(message);
  });

  it('gives up after the time limit', async () => {
    const { problems } = await readEvent(server.url('/slow'), { MEETUP_NOTE_FETCH_TIMEOUT_MS: '300' });
    expect(problems[0]!(MESSAGES.en)).toMatch(/\/slow: no answer within 0\.3 s$/);
  });

  it('says when the host cannot be reached', async () => {
    const { problems } = await readEvent('http://127.0.0.1:1/event/1', {});
    expect(problems[0]!(MESSAGES.en)).toMatch(/^http:\/\/127\.0\.0\.1:1\/event\/1: cannot reach 127\.0\.0\.1:1/);
  });

  it('reports broken JSON-LD and still reads the rest', async () => {
    const { info, problems } = await readEvent(server.url('/pages/broken-jsonld.html'), {});
    expect(info?.name).toBe('Kotlin Fest');
    expect(problems[0]!(MESSAGES.en)).toMatch(/1 JSON-LD block is not valid JSON and was skipped$/);
  });

  it('uses the connpass API with a key, presentations included', async () => {
    const env = { CONNPASS_API_KEY: 'test-key', MEETUP_NOTE_CONNPASS_API: server.url('/api/v2') };
    const { info, problems } = await readEvent('https://bpstudy.connpass.com/event/364/', env);
    expect(problems).toEqual([]);
    expect(info).toEqual({
      source: 'connpass API',
      name: 'BPStudy#56',
      url: 'https://bpstudy.connpass.com/event/364/',
      startDate: '2012-04-17T18:30:00+09:00',
      description: 'Pythonの本を書いた人たちに聞く',
      hashtag: 'bpstudy',
      series: 'BPStudy',
      location: '株式会社BePROUD, 東京都豊島区東池袋1-48-10',
      organizer: 'haru860',
      talks: [
        { title: 'Python本の裏話', speaker: '@haru860', slides: 'https://www.slideshare.net/example/pythonbook' },
        { title: '懇親会の動画', speaker: '@uploader' },
      ],
    });
  });

  it('says when the connpass API refuses the key', async () => {
    const { readConnpassEvent } = await import('../../src/event/connpass.js');
    await expect(readConnpassEvent('364', 'wrong', server.url('/api/v2'))).rejects.toThrow(
      'the server answered 401 Unauthorized',
    );
    // A URL that is not a connpass event never asks the API.
    const { problems } = await readEvent(server.url('/pages/og-only.html'), {
      CONNPASS_API_KEY: 'test-key',
      MEETUP_NOTE_CONNPASS_API: server.url('/api/v2'),
    });
    expect(problems.some((p) => p(MESSAGES.en).startsWith('connpass API'))).toBe(false);
  });
});
