import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copySite, tempDir } from '../helpers/site.js';

function cli(args: string[], cwd: string) {
  return runCli(args, { cwd, env: { XDG_CACHE_HOME: tempDir() } });
}

describe('meetup-note lint (built, spawned)', () => {
  it('exits 0 with no output on the example site', async () => {
    expect(await cli(['lint'], copySite('example'))).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with findings, in each format', async () => {
    const dir = copySite('lint-blog');
    const stylish = await cli(['lint', 'content/posts/bad.md'], dir);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('content/posts/bad.md\n  4:9   error');
    const json = await cli(['lint', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toHaveLength(3);
    const github = await cli(['lint', '-f', 'github', 'content/posts/bad.md'], dir);
    expect(github.stdout.split('\n')[0]).toMatch(
      /^::error file=content\/posts\/bad\.md,line=4,col=9,endLine=4,endColumn=13,title=meetup-note tag-variant::/,
    );
    const sarif = await cli(['lint', '--format=sarif'], dir);
    expect(JSON.parse(sarif.stdout).runs[0].results.length).toBe(7);
  });

  it('turns bad input into findings, never a crash', async () => {
    const dir = copySite('lint-blog');
    const posts = path.join(dir, 'content/posts');
    writeFileSync(path.join(posts, 'empty.md'), '');
    writeFileSync(path.join(posts, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(path.join(posts, 'latin1.md'), Buffer.from('+++\ntitle = "caf\xe9"\n+++\n', 'latin1'));
    writeFileSync(path.join(posts, 'plain.md'), '# Just Markdown\n\nNo front matter here.\n');
    writeFileSync(path.join(posts, 'unclosed.md'), '+++\ntitle = "x"\n');
    writeFileSync(
      path.join(posts, 'huge.md'),
      `+++\ntitle = "huge"\ndate = ` +
        `2024-01-01\n+++\n${'![p](/img/photo.png) lorem ipsum dolor sit amet\n'.repeat(220_000)}`,
    );
    const result = await cli(['lint', '--format', 'json', 'content/posts'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const byName = Object.fromEntries(
      (
        JSON.parse(result.stdout) as {
          filePath: string;
          messages: { ruleId: string | null; message: string; fatal?: boolean }[];
        }[]
      ).map((r) => [path.basename(r.filePath), r.messages]),
    );
    expect(byName['empty.md']!.map((m) => m.ruleId)).toEqual(['frontmatter-fields']);
    expect(byName['binary.md']).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, message: expect.stringContaining('binary file') }),
    ]);
    expect(byName['latin1.md']).toEqual([
      expect.objectContaining({
        ruleId: 'file-encoding',
        severity: 2,
        message: expect.stringContaining('this file is not UTF-8 (it looks like Latin-1 (Windows-1252))'),
      }),
    ]);
    expect(byName['plain.md']!.map((m) => m.message)).toEqual([
      'no front matter; start the post with +++ and title, date (Hugo needs them to list the post)',
    ]);
    expect(byName['unclosed.md']!.map((m) => m.ruleId)).toEqual(['frontmatter-syntax']);
    expect(byName['huge.md']).toEqual([]);
  });

  it('fixes with --fix and exits 0 once nothing is left', async () => {
    const dir = copySite('lint-blog');
    writeFileSync(
      path.join(dir, 'content/posts/bad.md'),
      '+++\ntitle = "x"\ndate = 2024-01-01\ntags = ["go", "Golang", ' +
        '""]\n+++\n\n![x](http://localhost:1313/img/dinner.jpg)\n',
    );
    expect((await cli(['lint', 'content/posts/bad.md'], dir)).code).toBe(1);
    const fixed = await cli(['lint', '--fix', 'content/posts/bad.md'], dir);
    expect(fixed).toMatchObject({ code: 0, stdout: '' });
  });

  it('is a usage error (exit 2) to give a bad flag value or a missing file', async () => {
    const dir = copySite('lint-blog');
    expect(await cli(['lint', '--max-warnings', 'many'], dir)).toMatchObject({
      code: 2,
      stderr: 'meetup-note: --max-warnings many: give a whole number (-1 for no limit)\n',
    });
    expect(await cli(['lint', 'nope.md'], dir)).toMatchObject({
      code: 2,
      stderr: 'meetup-note: nope.md: no such file or folder\n',
    });
    expect((await cli(['lint', '--no-such-flag'], dir)).code).toBe(2);
  });
});
