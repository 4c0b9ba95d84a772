import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copySite } from '../helpers/site.js';
import { buildSite, hasProgram } from '../helpers/tools.js';

const hugo = hasProgram('hugo');

describe('meetup-note tags (built, spawned)', () => {
  it('prints JSON in the documented shape', async () => {
    const dir = copySite('tags-site');
    const result = await runCli(['tags', '--format', 'json', '--taxonomy', 'tags'], { cwd: dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['tags']);
    expect(report.tags[0]).toEqual({
      term: 'Golang',
      count: 5,
      files: [
        'content/posts/a.md',
        'content/posts/b.md',
        'content/posts/c.md',
        'content/posts/d.md',
        'content/posts/f.md',
      ],
      variants: [{ term: 'golang', count: 1 }],
    });
  });

  it('renames from the command line and prints the changed posts', async () => {
    const dir = copySite('tags-site');
    const result = await runCli(['tags', 'rename', 'golang', 'Golang', '--alias'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: 'content/posts/b.md\n' });
    expect(result.stderr).toContain('Renamed "golang" to "Golang" in 1 post');
  });
});

describe.skipIf(!hugo)('tags rename, seen by the real Hugo', () => {
  it('leaves one term page where there were two spellings', async () => {
    const dir = copySite('example');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      path.join(dir, 'content/blog/old.md'),
      '+++\ntitle = "old"\ndate = 2019-01-01T10:00:00+09:00\ndraft = false\ntags = ["Golang"]\n+++\nold post\n',
    );
    const before = buildSite(dir);
    expect(existsSync(path.join(before, 'tags', 'golang', 'index.html'))).toBe(true);
    expect(existsSync(path.join(before, 'tags', 'go', 'index.html'))).toBe(true);

    const result = await runCli(['tags', 'rename', 'Golang', 'Go'], { cwd: dir });
    expect(result.code).toBe(0);
    const { rmSync } = await import('node:fs');
    rmSync(before, { recursive: true });
    const after = buildSite(dir);
    expect(existsSync(path.join(after, 'tags', 'golang', 'index.html'))).toBe(false);
    const page = readFileSync(path.join(after, 'tags', 'go', 'index.html'), 'utf8');
    expect(page).toContain('old');
    expect(page).toContain('【DeNA.go #3】');
  });
});
