import { lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/site.js';
import { POST, filesBelow, smallSite } from './helpers.js';

const OUTSIDE_POST =
  '+++\ntitle = "outside"\ndate = 2026-11-01T19:00:00+09:00\ntags = ["golang", "Go", "go"]\n+++\n# 1. Talk\n';

/** A folder outside the site with a post in it, and the tree as it was, to prove nothing there changed. */
function outside(): { dir: string; post: string; before: () => Record<string, string> } {
  const dir = tempDir('meetup-note-outside-');
  const post = path.join(dir, 'x.md');
  writeFileSync(post, OUTSIDE_POST);
  const snapshot = filesBelow(dir);
  return { dir, post, before: () => snapshot };
}

const outsideMessage = (shown: string, real: string) =>
  `${shown}: leads outside the site through a symbolic link (to ${real}); meetup-note reads and writes only inside ` +
  `the site, so it left this file alone`;

describe('writes never leave the site through a symbolic link', () => {
  it('a content folder that links outside: lint --fix, add-session, add-qa, tags rename leave it alone', async () => {
    const dir = smallSite();
    const out = outside();
    symlinkSync(out.dir, path.join(dir, 'content/ext'));
    const fixOne = await runCli(['lint', '--fix', 'content/ext/x.md'], { cwd: dir });
    expect(fixOne.stderr).toContain(outsideMessage('content/ext/x.md', out.post));
    const fixAll = await runCli(['lint', '--fix'], { cwd: dir });
    expect(fixAll.stderr).not.toContain('unexpected');
    const session = await runCli(['add-session', 'content/ext/x.md', '--title', 'T', '--yes'], { cwd: dir });
    expect(session.code).toBe(2);
    expect(session.stderr).toBe(`meetup-note: ${outsideMessage('content/ext/x.md', out.post)}\n`);
    const qa = await runCli(['add-qa', 'content/ext/x.md', '--question', 'q', '--answer', 'a'], { cwd: dir });
    expect(qa.code).toBe(2);
    await runCli(['tags', 'rename', 'golang', 'Go'], { cwd: dir });
    expect(filesBelow(out.dir)).toEqual(out.before());
  });

  it('a post that links to a file outside: refused, the link stays a link, the outside file unchanged', async () => {
    const dir = smallSite();
    const out = outside();
    const link = path.join(dir, 'content/posts/link.md');
    symlinkSync(out.post, link);
    const rename = await runCli(['tags', 'rename', 'golang', 'Go'], { cwd: dir });
    expect(rename.stderr).toContain(
      `content/posts/link.md: left alone: leads outside the site through a symbolic link (to ${out.post})`,
    );
    expect(rename.stdout).toBe('content/posts/a.md\n');
    const fix = await runCli(['lint', '--fix'], { cwd: dir });
    expect(fix.stderr).toContain(outsideMessage('content/posts/link.md', out.post));
    const session = await runCli(['add-session', 'content/posts/link.md', '--title', 'T', '--yes'], { cwd: dir });
    expect(session.code).toBe(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(out.post);
    expect(filesBelow(out.dir)).toEqual(out.before());
  });

  it('the section folder itself a link outside: add-session and new refuse it', async () => {
    const dir = smallSite();
    const out = outside();
    rmSync(path.join(dir, 'content/posts'), { recursive: true });
    symlinkSync(out.dir, path.join(dir, 'content/posts'));
    const session = await runCli(['add-session', 'content/posts/x.md', '--title', 'T', '--yes'], { cwd: dir });
    expect(session.code).toBe(2);
    expect(session.stderr).toContain('leads outside the site');
    const created = await runCli(['new', '--yes', '--title', 'New', '--slug', 'new'], { cwd: dir });
    expect(created.code).toBe(2);
    expect(created.stderr).toContain(
      `content/posts/new.md: leads outside the site through a symbolic link (to ${path.join(out.dir, 'new.md')})`,
    );
    expect(filesBelow(out.dir)).toEqual(out.before());
  });

  it('a post that links to another post inside the site is written through, and stays a link', async () => {
    const dir = smallSite();
    mkdirSync(path.join(dir, 'content/drafts'));
    const link = path.join(dir, 'content/drafts/alias.md');
    symlinkSync('../posts/a.md', link);
    const session = await runCli(['add-session', 'content/drafts/alias.md', '--title', 'Third talk', '--yes'], {
      cwd: dir,
    });
    expect(session.code, session.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'content/posts/a.md'), 'utf8')).toBe(`${POST}\n# 3. Third talk\n`);
  });

  it('add-session edits only Markdown posts under the content folder', async () => {
    const dir = smallSite();
    const post = '+++\ntitle = "not a post"\n+++\n';
    for (const file of ['static/x.md', 'layouts/y.md', '.git/z.md', 'content/posts/notes.txt']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), post);
    }
    const before = filesBelow(dir);
    for (const file of ['static/x.md', 'layouts/y.md', '.git/z.md']) {
      const result = await runCli(['add-session', file, '--title', 'T', '--yes'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `meetup-note: ${file}: is not a post of this site: meetup-note edits only Markdown posts under ` +
          `${path.join(dir, 'content')}\n`,
      );
    }
    const text = await runCli(['add-session', 'content/posts/notes.txt', '--title', 'T', '--yes'], { cwd: dir });
    expect(text.stderr).toBe('meetup-note: content/posts/notes.txt: is not a Markdown post (.md, .markdown)\n');
    expect(filesBelow(dir)).toEqual(before);
  });
});
