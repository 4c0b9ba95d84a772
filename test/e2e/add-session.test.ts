import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copySite, read, snapshotTree } from '../helpers/site.js';

describe('add-session and add-qa (built, spawned)', () => {
  it('adds a talk from flags and a late question, printing the post path', async () => {
    const dir = copySite('example');
    const added = await runCli(
      [
        'add-session',
        'content/blog/denago_3.md',
        '--title',
        'LT: sqlc',
        '--speaker',
        '@a',
        '--affiliation',
        'A社',
        '--slides',
        'https://example.com/s',
      ],
      { cwd: dir },
    );
    expect(added).toMatchObject({ code: 0, stdout: 'content/blog/denago_3.md\n' });
    const qa = await runCli(
      ['add-qa', 'content/blog/denago_3.md', '--question', 'sqlc vs ent?', '--answer', '用途次第'],
      { cwd: dir },
    );
    expect(qa.code).toBe(0);
    const post = read(dir, 'content/blog/denago_3.md');
    expect(post).toMatch(
      /# 3\. LT: sqlc\n\n登壇者：@a さん\\\nA社\n\n\[スライド\]\(https:\/\/example\.com\/s\)\n\n## Q&A\n/,
    );
    expect(post.endsWith('## Q&A\n\nQ. sqlc vs ent?\n\nA. 用途次第\n')).toBe(true);
  });

  it('reads a talk as JSON from stdin with --from -', async () => {
    const dir = copySite('example');
    const talk = JSON.stringify({
      title: 'from stdin',
      speakers: [{ name: '@json', affiliation: 'JSON社' }],
      qa: [{ question: 'q', answer: 'a', asker: '@x' }],
    });
    const result = await runCli(['add-session', 'content/blog/denago_3.md', '--from', '-'], { cwd: dir, input: talk });
    expect(result.code).toBe(0);
    expect(read(dir, 'content/blog/denago_3.md')).toContain(
      '# 3. from stdin\n\n登壇者：@json さん\\\nJSON社\n\n## Q&A\n\nQ. q（@x さん）\n\nA. a\n',
    );
  });

  it('never waits without a terminal: a missing title is exit 2 naming --title', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    for (const input of [undefined, 'typed\n']) {
      const result = await runCli(['add-session', 'content/blog/denago_3.md'], { cwd: dir, input });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'meetup-note: 端末の外で実行するときは --title が必要です（例: --title "Go活用事例"）\n',
      );
    }
    const qa = await runCli(['add-qa', 'content/blog/denago_3.md'], { cwd: dir });
    expect(qa.code).toBe(2);
    expect(qa.stderr).toContain('端末の外で実行するときは --question と --answer が必要です');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses a non-http URL with exit 2 and writes nothing', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const result = await runCli(
      ['add-session', 'content/blog/denago_3.md', '--title', 'x', '--video', 'file:///etc/passwd'],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'meetup-note: --video: 「file:///etc/passwd」は http(s) のURLではありません。http:// と https:// のリンクだけを書き込みます\n',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });
});
