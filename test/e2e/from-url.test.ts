import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { eventServer } from '../helpers/event-server.js';
import { copySite, read, snapshotTree } from '../helpers/site.js';

const server = eventServer();

describe('new --from-url (built, spawned, against a local server)', () => {
  it('--yes makes the post from the page: title, date with its offset, event URL, hashtag, and the talks', async () => {
    const dir = copySite('example');
    const result = await runCli(
      ['new', '--yes', '--from-url', server.url('/pages/connpass-like.html'), '--slug', 'from_page'],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('content/blog/from_page.md\n');
    expect(result.stderr).toContain('「DeNA.go #3」を見つけました（JSON-LD、発表 2 件）');
    const post = read(dir, 'content/blog/from_page.md');
    expect(post).toContain('title = "【DeNA.go #3】"\ndate = 2019-11-01T19:00:00+09:00\n');
    expect(post).toContain('description = "DeNAさん主催のGolang勉強会です"\n');
    expect(post).toContain(
      '# DeNA.go #3\n- [connpass](https://dena.connpass.com/event/150676/)\n- ' +
        'ハッシュタグ：[#DeNAgo](https://x.com/hashtag/DeNAgo)\n',
    );
    expect(post).toContain(
      '# 1. [Go活用事例]安全運転支援サービスを支える運用サイト\n\n登壇者：@suhirotaka ' +
        'さん\n\n[スライド](https://speakerdeck.com/suhirotaka/gohuo-yong-shi-li)\n',
    );
    expect(post).toContain('# 2. WebシステムのパフォーマンスとGo\n\n登壇者：@karupanerura さん\n');
  });

  it('lets flags win over the page', async () => {
    const dir = copySite('example');
    const result = await runCli(
      [
        'new',
        '--yes',
        '--from-url',
        server.url('/pages/meetup-jsonld.html'),
        '--title',
        'My own title',
        '--hashtag',
        'mine',
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const post = read(dir, result.stdout.trim());
    expect(post).toContain('title = "My own title"\ndate = 2018-05-24T19:00:00+02:00\n');
    expect(post).toContain('[#mine](https://x.com/hashtag/mine)');
    expect(post).toContain('- [Meetup](https://www.meetup.com/golang-users-berlin/events/250000000/)');
  });

  it('says what failed and goes on without the page: --title is then needed', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const failed = await runCli(['new', '--yes', '--from-url', server.url('/missing')], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`うまく読めませんでした: ${server.url('/missing')}: サーバーの応答: 404 Not Found`);
    expect(failed.stderr).toContain('--title が必要です');
    expect(snapshotTree(dir)).toEqual(before);
    const withTitle = await runCli(
      ['new', '--yes', '--from-url', server.url('/json'), '--title', 'x', '--slug', 'json_page'],
      { cwd: dir },
    );
    expect(withTitle.code).toBe(0);
    expect(withTitle.stderr).toContain('HTML のページではありません（application/json）');
    // The page could not be used, but its URL is still the event's link.
    expect(read(dir, 'content/blog/json_page.md')).toContain(`](${server.url('/json')})`);
  });

  it('refuses a URL that is not http(s), before reading anything', async () => {
    const result = await runCli(['new', '--yes', '--from-url', 'file:///etc/passwd'], { cwd: copySite('example') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--from-url: 「file:///etc/passwd」は http(s) のURLではありません');
  });

  it('uses the connpass API with CONNPASS_API_KEY, presentations as sessions', async () => {
    const dir = copySite('example');
    const env = { CONNPASS_API_KEY: 'test-key', MEETUP_NOTE_CONNPASS_API: server.url('/api/v2') };
    const result = await runCli(['new', '--yes', '--from-url', 'https://bpstudy.connpass.com/event/364/'], {
      cwd: dir,
      env,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('content/blog/bpstudy_56.md\n');
    const post = read(dir, 'content/blog/bpstudy_56.md');
    expect(post).toContain('title = "【BPStudy#56】"\ndate = 2012-04-17T18:30:00+09:00\n');
    expect(post).toContain('- ハッシュタグ：[#bpstudy](https://x.com/hashtag/bpstudy)');
    expect(post).toContain(
      '# 1. Python本の裏話\n\n登壇者：@haru860 さん\n\n[スライド](https://www.slideshare.net/example/pythonbook)\n',
    );
    expect(post).toContain('# 2. 懇親会の動画\n\n登壇者：@uploader さん\n');
  });
});
