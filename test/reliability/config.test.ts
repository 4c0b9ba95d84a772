import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/site.js';
import { buildSite, hasProgram } from '../helpers/tools.js';
import { POST } from './helpers.js';

function site(files: Record<string, string>): string {
  const dir = tempDir('meetup-note-config-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('config messages name the file and line where the value is set', () => {
  it('a contentDir set in config/_default/languages.toml', async () => {
    const dir = site({
      'config/_default/hugo.toml': 'baseURL = "https://example.dev/"\nlanguageCode = "en"\n',
      'config/_default/languages.toml': '[en]\n  weight = 1\n  contentDir = "../elsewhere"\n',
    });
    const result = await runCli(['lint'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `meetup-note: config/_default/languages.toml:3:3: contentDir = "../elsewhere" points outside the site ` +
        `(${dir}); use a folder inside it\n`,
    );
  });

  it('contentDir: 42 is the folder "42", as Hugo reads it; a list is an error at its line', async () => {
    const number = site({
      'hugo.yaml': 'baseURL: "https://example.dev/"\ncontentDir: 42\n',
      '42/posts/a.md': POST.replace('tags = ["golang", "Go"]', 'tags = ["Go", "go"]'),
    });
    const found = await runCli(['lint', '--format', 'json'], { cwd: number });
    expect(found.code).toBe(1);
    expect(found.stdout).toContain('42/posts/a.md');
    const list = site({ 'hugo.yaml': 'baseURL: "https://example.dev/"\ncontentDir: [a, b]\n' });
    const refused = await runCli(['lint'], { cwd: list });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'meetup-note: hugo.yaml:2:1: contentDir must be a folder name (a string), not a list\n',
    );
  });

  it('a time zone Hugo does not know stops every command (Hugo stops the build), at its line', async () => {
    const hugo = site({
      'hugo.toml': 'baseURL = "https://example.dev/"\ntitle = "t"\ntimeZone = "Mars/Olympus"\n',
      'content/posts/a.md': POST,
    });
    for (const args of [['lint'], ['tags'], ['add-session', 'content/posts/a.md', '--title', 'T', '--yes']]) {
      const result = await runCli(args, { cwd: hugo });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(
        'meetup-note: hugo.toml:3:1: timezone "Mars/Olympus" is not an IANA time zone; use a name such as ' +
          '"Asia/Tokyo" or "UTC"\n',
      );
    }
    const ours = site({
      'hugo.toml': 'baseURL = "https://example.dev/"\n',
      'meetup-note.toml': 'author = "me"\ntimezone = "Asia/Tokio"\n',
    });
    const result = await runCli(['lint'], { cwd: ours });
    expect(result.stderr).toBe(
      'meetup-note: meetup-note.toml:2:1: timezone "Asia/Tokio" is not an IANA time zone; use a name such as ' +
        '"Asia/Tokyo" or "UTC"\n',
    );
    // lint agrees with the real Hugo on each zone: Hugo fails the build exactly where lint stops.
    const withHugo = hasProgram('hugo');
    for (const zone of [
      'Asia/Tokyo',
      'UTC',
      'Asia/Calcutta',
      'Etc/GMT-9',
      'Mars/Olympus',
      'asia/tokyo',
      '../../etc/passwd',
    ]) {
      const dir = site({
        'hugo.toml': `baseURL = "https://example.dev/"\ntimeZone = "${zone}"\n`,
        'content/posts/a.md': POST.replace('"golang", ', ''),
      });
      const linted = (await runCli(['lint'], { cwd: dir })).code;
      expect([0, 2], zone).toContain(linted);
      if (!withHugo) continue;
      let built = true;
      try {
        buildSite(dir);
      } catch {
        built = false;
      }
      expect(linted === 0, `${zone}: hugo ${built ? 'builds' : 'fails'}, lint exits ${linted}`).toBe(built);
    }
  });

  it('lint -o into a folder that does not exist is a message, exit 2', async () => {
    const dir = site({ 'hugo.toml': 'baseURL = "https://example.dev/"\n', 'content/posts/a.md': POST });
    const result = await runCli(['lint', '-o', 'missing/dir/report.json', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'meetup-note: missing/dir/report.json: could not be written: its folder does not exist (ENOENT); the file is ' +
        'as it was\n',
    );
  });
});
