import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { eventServer } from '../helpers/event-server.js';
import { read } from '../helpers/site.js';
import { filesBelow, smallSite } from './helpers.js';

const server = eventServer();
// C0 but tab and newline, DEL, C1, bidi overrides: none may reach a terminal raw.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('new --from-url on a hostile page', () => {
  it('never prints the page raw: controls, escape sequences and bidi overrides are shown escaped', async () => {
    const dir = smallSite();
    const result = await runCli(['new', '--yes', '--dry-run', '--from-url', server.url('/hostile/controls')], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain('found "Evil\\x00 meetup\\x07 \\x1b[31mred\\x1b[0m \\u202egnp.exe" (JSON-LD)');
    // What is written is cleaned to plain text (the post is data: checked the same way as typed text).
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stdout).toContain('title = "【Evil meetup [31mred [0m gnp.exe】"');
    expect(result.stdout).toContain('description = "bell and C1"');
  });

  it('cleans the talks before writing: the post and its talks land together, --dry-run shows the same', async () => {
    const dir = smallSite();
    const dry = await runCli(
      ['new', '--yes', '--dry-run', '--from-url', server.url('/hostile/talks'), '--slug', 'talks'],
      { cwd: dir },
    );
    expect(dry.code, dry.stderr).toBe(0);
    const result = await runCli(['new', '--yes', '--from-url', server.url('/hostile/talks'), '--slug', 'talks'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('1 talk was left out (no usable title, or more than 100)');
    const post = read(dir, 'content/posts/talks.md');
    expect(post).toBe(dry.stdout);
    expect(post).not.toMatch(RAW);
    expect(post).toContain('# 1. First talk [2J\n\nSpeaker: Taro\n\n[Slides](https://example.com/slides)\n');
    expect(post).toContain('# 2. Second talk\n');
    expect(post).not.toContain('javascript:');
  });

  it('takes at most 100 of 20,000 talks, quickly, and says how many it left out', async () => {
    const dir = smallSite();
    const started = Date.now();
    const result = await runCli(['new', '--yes', '--from-url', server.url('/hostile/many-talks'), '--slug', 'huge'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stderr).toContain('19900 talks were left out (no usable title, or more than 100)');
    const post = read(dir, 'content/posts/huge.md');
    expect(post).toContain('# 100. Talk 100\n');
    expect(post).not.toContain('# 101.');
    expect(Object.keys(filesBelow(dir)).filter((f) => f.startsWith('content/'))).toEqual([
      'content/posts/a.md',
      'content/posts/huge.md',
    ]);
  });
});

describe('posts and file names from a cloned blog', () => {
  it('reach lint (stylish, github) and tags output escaped', async () => {
    const dir = smallSite();
    const evil =
      `+++\ntitle = "x"\ndate = 2026-11-01T19:00:00+09:00\ntags = ["\\u001b]0;pwned\\u0007", "Go\\u202e", ` +
      `"go\\u202e"]\n+++\n![\\u001b[2J](missing\\u0007.png)\n`;
    writeFileSync(path.join(dir, 'content/posts', 'evil\u001b[31m.md'), evil);
    for (const args of [['lint'], ['lint', '--format', 'github'], ['tags']]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.stderr + result.stdout, args.join(' ')).not.toMatch(RAW);
      expect(result.stdout).toContain('\\x1b');
    }
    const json = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect(json.stdout).not.toMatch(RAW);
    // JSON stays exact data: the same value, written with \u escapes.
    expect(
      (JSON.parse(json.stdout) as { filePath: string }[]).some((r) => r.filePath.endsWith('evil\u001b[31m.md')),
    ).toBe(true);
  });
});
