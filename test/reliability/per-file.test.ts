import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../../src/commands/lint.js';
import { type FileSystem, nodeFileSystem } from '../../src/deps.js';
import { json } from '../../src/lint/formatters/json.js';
import { github } from '../../src/lint/formatters/github.js';
import { sarif } from '../../src/lint/formatters/sarif.js';
import { stylish } from '../../src/lint/formatters/stylish.js';
import type { FileResult } from '../../src/lint/run.js';
import type { Diagnostic } from '../../src/lint/types.js';
import { runCli } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { tempDir } from '../helpers/site.js';
import { POST, filesBelow, smallSite } from './helpers.js';

type JsonResult = { filePath: string; messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];

function byName(stdout: string): Record<string, JsonResult[number]['messages']> {
  return Object.fromEntries((JSON.parse(stdout) as JsonResult).map((r) => [path.basename(r.filePath), r.messages]));
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('one bad file is one finding, and the rest of the site is still linted', () => {
  it('a dangling link, a link loop, a link to a folder and nesting 20,000 deep', async () => {
    const dir = smallSite();
    const posts = path.join(dir, 'content/posts');
    symlinkSync('missing.md', path.join(posts, 'dangling.md'));
    symlinkSync('loop-b.md', path.join(posts, 'loop-a.md'));
    symlinkSync('loop-a.md', path.join(posts, 'loop-b.md'));
    mkdirSync(path.join(dir, 'content/folder'));
    symlinkSync('../folder', path.join(posts, 'folder.md'));
    writeFileSync(
      path.join(posts, 'deep-toml.md'),
      `+++\ntitle = "x"\ndate = 2026-11-01\ntags = ${deep(20_000)}\n+++\n`,
    );
    writeFileSync(path.join(posts, 'deep-yaml.md'), `---\ntitle: x\ndate: 2026-11-01\ntags: ${deep(20_000)}\n---\n`);
    writeFileSync(path.join(posts, 'dup.md'), POST.replace('tags = ["golang", "Go"]', 'tags = ["Go", "go"]'));
    const result = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const found = byName(result.stdout);
    expect(found['dangling.md']).toEqual([
      expect.objectContaining({
        ruleId: null,
        fatal: true,
        message: 'cannot be read: it does not exist (a dangling symbolic link?) (ENOENT)',
      }),
    ]);
    expect(found['loop-a.md']).toEqual([
      expect.objectContaining({ fatal: true, message: 'cannot be read: its symbolic links form a loop (ELOOP)' }),
    ]);
    expect(found['folder.md']).toEqual([
      expect.objectContaining({ fatal: true, message: 'cannot be read: it is a folder (EISDIR)' }),
    ]);
    for (const name of ['deep-toml.md', 'deep-yaml.md']) {
      expect(found[name]).toEqual([
        expect.objectContaining({
          fatal: true,
          message: 'the front matter nests lists or tables more than 100 levels deep; meetup-note does not read it',
        }),
      ]);
    }
    // The healthy posts were still linted: the duplicate in dup.md is found.
    expect(found['dup.md']!.map((m) => m.ruleId)).toEqual(['tag-duplicate']);
    const tags = await runCli(['tags', '--format', 'json'], { cwd: dir });
    expect(tags.code).toBe(0);
    expect(tags.stdout).toContain('"term": "Go"');
    const fix = await runCli(['lint', '--fix'], { cwd: dir });
    expect(fix.stderr).not.toContain('unexpected');
    expect(readFileSync(path.join(posts, 'dup.md'), 'utf8')).toContain('tags = ["Go"]');
  });

  it('an unreadable post (EACCES) is one finding; the run goes on (in process: root reads everything)', async () => {
    const dir = smallSite();
    writeFileSync(path.join(dir, 'content/posts/secret.md'), POST);
    const denied: FileSystem = {
      ...nodeFileSystem,
      readFile: ((file: string, options?: unknown) =>
        String(file).endsWith('secret.md')
          ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
          : nodeFileSystem.readFile(file, options as never)) as FileSystem['readFile'],
    };
    const { deps, stdout } = testDeps({ cwd: dir, fs: denied, env: { XDG_CACHE_HOME: tempDir() } });
    expect(await lintCommand([], { format: 'json' }, deps)).toBe(1);
    expect(byName(stdout())['secret.md']).toEqual([
      expect.objectContaining({ fatal: true, message: 'cannot be read: permission denied (EACCES)' }),
    ]);
  });

  it('add-session --from a talk nested 20,000 deep is a usage message, not a stack overflow', async () => {
    const dir = smallSite();
    writeFileSync(path.join(dir, 'talk.toml'), `title = "T"\nspeakers = ${deep(20_000)}\n`);
    const before = filesBelow(dir);
    const result = await runCli(['add-session', 'content/posts/a.md', '--from', 'talk.toml', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nests lists or tables more than 100 levels deep');
    expect(result.stderr).not.toContain('unexpected');
    expect(filesBelow(dir)).toEqual(before);
  });
});

describe('big reports and many fixes', () => {
  it('a million problems print in every format', async () => {
    const place = { start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };
    const diagnostics: Diagnostic[] = Array.from({ length: 1_000_000 }, (_, i) => ({
      ruleId: 'tag-duplicate',
      severity: 'error',
      message: `m${i}`,
      place,
    }));
    const results: FileResult[] = [{ file: '/site/content/a.md', bomLength: 0, diagnostics }];
    const context = {
      cwd: '/site',
      color: false,
      version: '0.0.0',
      rules: [{ id: 'tag-duplicate', description: 'd', severity: 'error' as const }],
      dryRun: false,
    };
    for (const format of [stylish, json, github, sarif]) {
      // Written piece by piece, as lint writes it: the whole would not fit in one string (SARIF is ~400 MB).
      let length = 0;
      let last = '';
      for (const piece of format(results, context)) {
        length += piece.length;
        if (piece.includes('m999999')) last = piece;
      }
      expect(length).toBeGreaterThan(10_000_000);
      expect(last).toContain('m999999');
    }
  }, 120_000);

  it('--fix of 50,000 duplicate tags is linear: done in seconds, one tag left in the site spelling', async () => {
    const dir = smallSite();
    const file = path.join(dir, 'content/posts/many.md');
    writeFileSync(
      file,
      `+++\ntitle = "x"\ndate = 2026-11-01T19:00:00+09:00\ntags = ` +
        `[${Array.from({ length: 50_000 }, () => '"go"').join(', ')}]\n+++\nbody\n`,
    );
    const started = Date.now();
    const result = await runCli(['lint', '--fix', 'content/posts/many.md'], { cwd: dir });
    const seconds = (Date.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      '+++\ntitle = "x"\ndate = 2026-11-01T19:00:00+09:00\ntags = ["Go"]\n+++\nbody\n',
    );
    expect(seconds).toBeLessThan(15);
  }, 30_000);

  it('150,000 problems in stylish (past the old stack limit) print, exit 1', async () => {
    const dir = smallSite();
    writeFileSync(
      path.join(dir, 'content/posts/many.md'),
      `+++\ntitle = "x"\ndate = 2026-11-01T19:00:00+09:00\ntags = ` +
        `[${Array.from({ length: 150_001 }, () => '"go"').join(', ')}]\n+++\n`,
    );
    const result = await runCli(['lint', 'content/posts/many.md'], { cwd: dir });
    expect(result.code).toBe(1);
    // 150,000 duplicates and one variant of the other post's "Go".
    expect(result.stdout).toContain('\n✖ 150001 problems (150001 errors, 0 warnings)\n');
  }, 30_000);
});
