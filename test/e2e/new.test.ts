import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';

describe('meetup-note (built, spawned)', () => {
  it('prints its version and help', async () => {
    const version = await runCli(['--version'], { cwd: tempDir() });
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const help = await runCli(['new', '--help'], { cwd: tempDir() });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--event-url <url>');
  });

  it('new --yes writes the post and prints its path alone on stdout', async () => {
    const dir = copySite('example');
    const result = await runCli(
      [
        'new',
        '--yes',
        '--title',
        '【DeNA.go #3】報告',
        '--event',
        'DeNA.go #3',
        '--date',
        '2019-11-01 19:00',
        '--categories',
        '勉強会,Go',
        '--slug',
        'spawned',
      ],
      { cwd: dir },
    );
    expect(result).toMatchObject({ code: 0, stdout: 'content/blog/spawned.md\n' });
    expect(read(dir, 'content/blog/spawned.md')).toContain('date = 2019-11-01T19:00:00+09:00\n');
    expect(existsSync(path.join(dir, 'static/img/2019/11/spawned/.gitkeep'))).toBe(true);
  });

  it('works from another folder with -C', async () => {
    const dir = copySite('example');
    const result = await runCli(['new', '-C', dir, '--title', 'x', '--slug', 'from-c', '--yes'], {
      cwd: path.dirname(dir),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${path.basename(dir)}/content/blog/from-c.md\n`);
  });

  it('never waits for input without a terminal: a missing title is exit 2 naming the flag', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    for (const input of [undefined, 'DeNA.go #3\n\n\n']) {
      const result = await runCli(['new', '--event', 'DeNA.go #3'], { cwd: dir, input });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'meetup-note: 端末の外で実行するときは --title が必要です（例: --title "【DeNA.go #3】Go の話を聞いてきた"）\n',
      );
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses to overwrite, exit 2, file untouched', async () => {
    const dir = copySite('example');
    const before = read(dir, 'content/blog/denago_3.md');
    const result = await runCli(['new', 'denago_3', '--title', 'x'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/blog/denago_3.md はすでにあります');
    expect(read(dir, 'content/blog/denago_3.md')).toBe(before);
  });

  it('reports config errors with file and line, without a stack trace', async () => {
    const dir = copySite('config-unknown-key');
    const result = await runCli(['new', '--title', 'x'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^meetup-note: meetup-note\.toml:4:1: "new\.post_path" unknown key/);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('says what to do outside a site', async () => {
    const result = await runCli(['new', '--title', 'x'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('run this inside a site, pass -C <site>, or create one with `meetup-note init`');
  });

  it('treats an unknown flag as a usage error', async () => {
    const result = await runCli(['new', '--titel', 'x'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option --titel (did you mean --title?)');
    expect(result.stderr).toContain('--title');
  });

  it('init writes a commented config from the Hugo config that new can use, and never overwrites it', async () => {
    const dir = copySite('hugo-toml-mixed-case');
    const first = await runCli(['init'], { cwd: dir });
    expect(first).toMatchObject({ code: 0, stdout: 'meetup-note.toml\n' });
    const config = read(dir, 'meetup-note.toml');
    expect(config).toContain('baseURL = "https://user.github.io/blog/"');
    expect(config).toContain('contentDir = "posts-src"');
    expect(config).toContain('postPath = "blog/{slug}.md"');
    expect(config).toContain('# Pre-filled from config.toml');
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('meetup-note.toml: すでにあります');
    expect(read(dir, 'meetup-note.toml')).toBe(config);
    const post = await runCli(['new', '--title', 'x', '--slug', 'after-init', '--date', '2020-01-02'], { cwd: dir });
    expect(post).toMatchObject({ code: 0, stdout: 'posts-src/blog/after-init.md\n' });
    expect(existsSync(path.join(dir, 'assets-static/img/2020/01/after-init/.gitkeep'))).toBe(true);
  });

  it('keeps site templates as data: a template cannot run code', async () => {
    const dir = copySite('example');
    const marker = path.join(dir, 'pwned');
    const templates = path.join(dir, '.meetup-note', 'templates');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(templates, { recursive: true });
    writeFileSync(
      path.join(templates, 'post.ja.md'),
      `{{#constructor.constructor}}require('fs').writeFileSync(${JSON.stringify(marker)}, ` +
        `'x'){{/constructor.constructor}}\n`,
    );
    const result = await runCli(['new', '--title', 'x', '--slug', 'tpl'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '.meetup-note/templates/post.ja.md:1:1: {{constructor.constructor}} は使えない名前です',
    );
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(dir, 'content/blog/tpl.md'))).toBe(false);
  });
});

describe('init outside a site', () => {
  it('says so instead of writing; --here writes, with the author from git config and the next step', async () => {
    const dir = tempDir();
    const refused = await runCli(['init'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `no Hugo config (hugo.toml, config.toml, config/_default/) in ${dir} or above: run init in your site, or pass ` +
        `--here`,
    );
    expect(existsSync(path.join(dir, 'meetup-note.toml'))).toBe(false);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['config', 'user.name', 'Hanako Yamada'], { cwd: dir });
    const written = await runCli(['init', '--here'], { cwd: dir });
    expect(written.code, written.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'meetup-note.toml'), 'utf8')).toContain('author = "Hanako Yamada"');
    expect(written.stderr).toContain('Next: meetup-note new (start a report)');
  });
});
