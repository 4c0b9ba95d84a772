import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeArguments } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';
import { copySite, tempDir } from '../helpers/site.js';

describe('global options before the command, and help', () => {
  it("moves -C and --no-color to after the command (after tags's subcommand too)", () => {
    expect(normalizeArguments(['-C', 'site', 'lint', 'a.md'])).toEqual(['lint', '-C', 'site', 'a.md']);
    expect(normalizeArguments(['--no-color', '--cwd=site', 'tags', 'rename', 'a', 'b'])).toEqual([
      'tags',
      'rename',
      '--no-color',
      '--cwd=site',
      'a',
      'b',
    ]);
    expect(normalizeArguments(['help', 'lint'])).toEqual(['lint', '--help']);
    expect(normalizeArguments(['lint', '-C', 'site'])).toEqual(['lint', '-C', 'site']);
  });

  it('runs `meetup-note -C <site> lint` and `meetup-note --no-color -C <site> tags`', async () => {
    const dir = copySite('example');
    const cwd = `${dir}/..`;
    const lint = await runCli(['-C', dir, 'lint'], { cwd });
    expect(lint.code, lint.stderr).toBe(0);
    const tags = await runCli(['--no-color', '-C', dir, 'tags', '--yes'], { cwd });
    expect(tags.code, tags.stderr).toBe(0);
    expect(tags.stdout).toContain('categories');
  });

  it("answers `help lint`, shows tags list's options under `tags --help`, and lists the global options", async () => {
    const cwd = copySite('example');
    expect((await runCli(['help', 'lint'], { cwd })).stdout).toMatch(
      /^Usage: meetup-note lint \[options\] \[paths\.\.\.\]/,
    );
    const tags = (await runCli(['tags', '--help'], { cwd })).stdout;
    expect(tags).toContain('--taxonomy <name>');
    expect(tags).toContain('--no-cache');
    expect((await runCli(['--help'], { cwd })).stdout).toContain(
      'Global options (before or after the command):\n  -C, --cwd <dir>',
    );
  });
});

describe("every line in the site's language (a Japanese blog)", () => {
  it("says commander's usage errors in Japanese, with the command's help to read", async () => {
    const cwd = copySite('example');
    const option = await runCli(['lint', '--nope'], { cwd });
    expect(option).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'meetup-note: --nope というオプションはありません\n使い方: meetup-note lint --help\n',
    });
    const suggested = await runCli(['new', '--titel', 'x'], { cwd });
    expect(suggested.stderr).toBe(
      'meetup-note: --titel というオプションはありません（--title のことですか？）\n使い方: meetup-note new --help\n',
    );
    const command = await runCli(['lnit'], { cwd });
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('lnit というコマンドはありません');
    expect(command.stderr).toContain('lint のことですか？');
    expect((await runCli(['tags', 'rename'], { cwd })).stderr).toContain('引数 <from> がありません');
    expect((await runCli(['new', '--title'], { cwd })).stderr).toContain('--title <text> には値が必要です');
  });

  it('writes the lint report, its summary and --max-warnings in Japanese', async () => {
    const cwd = copySite('example');
    writeFileSync(
      path.join(cwd, 'content/blog/broken.md'),
      '+++\ntitle = "x"\ndate = 2019-11-01T19:00:00+09:00\ntags = ["Go", "Go"]\n+++\n\n![](/images/none.png)\n',
    );
    const result = await runCli(['lint', '--max-warnings', '0'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('エラー  static/images/none.png が見つかりません');
    expect(result.stdout).toMatch(/✖ \d+ 件の問題（エラー \d+ 件、警告 \d+ 件）/);
    expect(result.stdout).toMatch(/エラー \d+ 件と警告 \d+ 件は `--fix` で直せる可能性があります。/);
    expect(result.stdout).not.toMatch(/problems?|errors?\b|warnings?\b|potentially/);
    expect(result.stderr).toBe('警告が多すぎます（上限: 0 件）。\n');
  });

  it("says errors before any site is found in the locale's language", async () => {
    const outside = tempDir();
    const ja = await runCli(['new', '--title', 'x'], { cwd: outside, env: { LANG: 'ja_JP.UTF-8', LC_ALL: '' } });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('meetup-note.toml も Hugo の設定');
    const en = await runCli(['new', '--title', 'x'], { cwd: outside });
    expect(en.stderr).toContain('run this inside a site');
  });
});
