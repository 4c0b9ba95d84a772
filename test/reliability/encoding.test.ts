import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SHIFT_JIS_POST, filesBelow, smallSite } from './helpers.js';

const LATIN1_POST = Buffer.from(
  '+++\ntitle = "Caf\xe9 meetup"\ndate = 2026-11-01T19:00:00+09:00\ntags = ["golang"]\n+++\n# 1. Talk\nna\xefve\n',
  'latin1',
);
const UTF16_POST = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from('+++\ntitle = "x"\ntags = ["golang"]\n+++\n# 1. Talk\n', 'utf16le'),
]);

const CASES = [
  { name: 'Shift_JIS', bytes: SHIFT_JIS_POST, iconv: 'CP932' },
  { name: 'Latin-1 (Windows-1252)', bytes: LATIN1_POST, iconv: 'WINDOWS-1252' },
  { name: 'UTF-16', bytes: UTF16_POST, iconv: 'UTF-16' },
];

describe('a post that is not UTF-8', () => {
  for (const { name, bytes, iconv } of CASES) {
    it(`(${name}) is refused byte-identical by every edit, and is a file-encoding error in lint`, async () => {
      const dir = smallSite();
      const file = path.join(dir, 'content/posts/legacy.md');
      writeFileSync(file, bytes);
      const before = filesBelow(dir);
      const problem =
        `this file is not UTF-8 (it looks like ${name}); Hugo reads posts as UTF-8 and meetup-note ` +
        `left it unchanged. Convert it: iconv -f ${iconv} -t UTF-8 content/posts/legacy.md > ` +
        `content/posts/legacy.md.utf8 && mv content/posts/legacy.md.utf8 content/posts/legacy.md`;
      const message = `content/posts/legacy.md: ${problem}`;

      const session = await runCli(['add-session', 'content/posts/legacy.md', '--title', 'T', '--yes'], { cwd: dir });
      expect(session.code).toBe(2);
      expect(session.stderr).toBe(`meetup-note: ${message}\n`);
      const qa = await runCli(['add-qa', 'content/posts/legacy.md', '--question', 'q', '--answer', 'a'], { cwd: dir });
      expect(qa.code).toBe(2);
      expect(qa.stderr).toBe(`meetup-note: ${message}\n`);
      // The other post is renamed; this one is named and left alone.
      const rename = await runCli(['tags', 'rename', 'golang', 'Go'], { cwd: dir });
      expect(rename.stderr).toContain(`content/posts/legacy.md: left alone: ${problem}\n`);
      expect(readFileSync(file)).toEqual(bytes);
      expect(readFileSync(path.join(dir, 'content/posts/a.md'), 'utf8')).toContain('tags = ["Go"]');

      const fix = await runCli(['lint', '--fix', '--format', 'json', 'content/posts/legacy.md'], { cwd: dir });
      expect(fix.code).toBe(1);
      const [result] = JSON.parse(fix.stdout) as {
        messages: { ruleId: string; severity: number; message: string }[];
      }[];
      expect(result!.messages).toEqual([
        expect.objectContaining({
          ruleId: 'file-encoding',
          severity: 2,
          message: expect.stringContaining(`it looks like ${name}`),
        }),
      ]);
      expect(readFileSync(file)).toEqual(bytes);
      delete before['content/posts/a.md'];
      const after = filesBelow(dir);
      delete after['content/posts/a.md'];
      expect(after).toEqual(before);
    });
  }

  it('is not counted in the terms (tags names it instead of counting U+FFFD spellings)', async () => {
    const dir = smallSite();
    writeFileSync(path.join(dir, 'content/posts/legacy.md'), SHIFT_JIS_POST);
    const result = await runCli(['tags', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\ufffd');
    expect(result.stderr).toContain('content/posts/legacy.md: its front matter cannot be read');
  });
});
