import { execFileSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../../src/commands/lint.js';
import { nodeFileSystem } from '../../src/deps.js';
import { testDeps } from '../helpers/deps.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';

async function lint(dir: string, patterns: string[] = [], options: Parameters<typeof lintCommand>[1] = {}) {
  const { deps, stdout, stderr } = testDeps({ cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
  const code = await lintCommand(patterns, { color: false, ...options }, deps);
  return { code, stdout: stdout(), stderr: stderr() };
}

const readText = (file: string) => readFileSync(file, 'utf8');

describe('lint (in process)', () => {
  it('reports nothing and exits 0 on a healthy site', async () => {
    const dir = copySite('example');
    expect(await lint(dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints the stylish report, grouped by file, with a summary', async () => {
    const dir = copySite('lint-blog');
    const result = await lint(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '',
        'content/posts/bad.md',
        '  4:9   error    "go" is another spelling of "Go": 2 posts spell it "Go", and Hugo files both under one ' +
          'page with whichever title comes first; write "Go"  tag-variant',
        '  4:15  error    "Golang" is an alias of "Go" (meetup-note.toml [aliases]); write "Go"  tag-alias',
        '  4:33  error    tags has "rust" twice (as "Rust"); remove this one  tag-duplicate',
        '  7:1   warning  image https://example.dev/img/photo.png has no alt text; describe it (![...](...))  ' +
          'image-alt',
        '  7:5   warning  https://example.dev/img/photo.png is an absolute URL of this site: it breaks when the ' +
          'domain or baseURL changes; write /img/photo.png  image-self-url',
        '  9:11  error    static/img/dinner.jpg exists only as Dinner.JPG (another letter case or Unicode form): it ' +
          'works on macOS and Windows, but is a 404 on Linux hosting; write Dinner.JPG  image-case',
        '  14:9  error    static/img/gone.png not found; add the file or fix the path  image-missing',
        '',
        '\u2716 7 problems (5 errors, 2 warnings)',
        '  4 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('fixes what is certain, changing only those tokens, and lints again', async () => {
    const dir = copySite('lint-blog');
    const before = read(dir, 'content/posts/bad.md');
    const result = await lint(dir, [], { fix: true });
    expect(result.code).toBe(1);
    const after = read(dir, 'content/posts/bad.md');
    expect(after).toBe(
      before
        .replace('tags = ["go", "Golang", "Rust", "rust"]', 'tags = ["Go", "Rust"]')
        .replace('![](https://example.dev/img/photo.png)', '![](/img/photo.png)')
        .replace('/img/dinner.jpg', '/img/Dinner.JPG'),
    );
    expect(result.stdout).toContain('image-missing');
    expect(result.stdout).toContain('image-alt');
    expect(result.stdout).toContain('\u2716 2 problems (1 error, 1 warning)');
    expect(await lint(dir, [], { fix: true })).toMatchObject({ code: 1 });
    expect(read(dir, 'content/posts/bad.md')).toBe(after);
  });

  it('shows what --fix-dry-run would change and changes nothing', async () => {
    const dir = copySite('lint-blog');
    const before = snapshotTree(dir);
    const result = await lint(dir, ['content/posts/bad.md'], { fixDryRun: true, format: 'json' });
    const [entry] = JSON.parse(result.stdout) as { output: string; messages: { ruleId: string }[] }[];
    expect(entry!.output).toContain('tags = ["Go", "Rust"]');
    expect(entry!.messages.map((m) => m.ruleId)).toEqual(['image-alt', 'image-missing']);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('writes ESLint-shaped JSON and nothing else on stdout', async () => {
    const dir = copySite('lint-blog');
    const result = await lint(dir, [], { format: 'json' });
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(parsed.map((r) => path.relative(dir, r.filePath as string))).toEqual([
      'content/posts/also-good.md',
      'content/posts/bad.md',
      'content/posts/good.md',
    ]);
    const bad = parsed[1]!;
    expect(bad).toMatchObject({
      errorCount: 5,
      warningCount: 2,
      fixableErrorCount: 4,
      fixableWarningCount: 1,
      fatalErrorCount: 0,
    });
    expect((bad.messages as unknown[])[0]).toEqual({
      ruleId: 'tag-variant',
      severity: 2,
      message:
        '"go" is another spelling of "Go": 2 posts spell it "Go", and Hugo files both under one page with whichever ' +
        'title comes first; write "Go"',
      line: 4,
      column: 9,
      endLine: 4,
      endColumn: 13,
      fix: { range: [78, 82], text: '"Go"' },
    });
    const text = read(dir, 'content/posts/bad.md');
    expect(text.slice(78, 82)).toBe('"go"');
  });

  it('writes GitHub workflow commands with their escaping', async () => {
    const dir = copySite('lint-blog');
    writeFileSync(path.join(dir, 'content/posts/comma, colon: 100%.md'), '+++\ntitle = "x"\n+++\n');
    const result = await lint(dir, ['content/posts/comma, colon: 100%.md'], { format: 'github' });
    expect(result.stdout).toBe(
      '::error file=content/posts/comma%2C colon%3A 100%25.md,line=1,col=1,endLine=1,endColumn=1,title=meetup-note ' +
        'frontmatter-date::no date (date, publishDate or lastmod): the other posts in "posts" have one, and Hugo ' +
        'dates this one 0001-01-01; add date = ...\n',
    );
  });

  it('writes SARIF 2.1.0', async () => {
    const dir = copySite('lint-blog');
    const result = await lint(dir, ['content/posts/bad.md'], { format: 'sarif' });
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('meetup-note');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('image-case');
    expect(run.results).toHaveLength(7);
    expect(run.results[6]).toMatchObject({
      ruleId: 'image-missing',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'content/posts/bad.md', uriBaseId: 'SRCROOT' },
            region: { startLine: 14, startColumn: 9 },
          },
        },
      ],
    });
    expect(run.tool.driver.rules[run.results[6].ruleIndex].id).toBe('image-missing');
  });

  it('writes the report to a file with -o and keeps stdout empty', async () => {
    const dir = copySite('lint-blog');
    const result = await lint(dir, [], { format: 'json', outputFile: 'report.json' });
    expect(result.stdout).toBe('');
    expect(JSON.parse(read(dir, 'report.json'))).toHaveLength(3);
  });

  it('--quiet drops warnings; --max-warnings fails on too many', async () => {
    const dir = copySite('lint-blog');
    writeFileSync(
      path.join(dir, 'content/posts/bad.md'),
      '+++\ntitle = "x"\ndate = 2024-01-01\n+++\n\n![](/img/photo.png)\n',
    );
    expect(await lint(dir)).toMatchObject({ code: 0 });
    expect((await lint(dir, [], { quiet: true })).stdout).toBe('');
    const strict = await lint(dir, [], { maxWarnings: '0' });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('meetup-note found too many warnings (maximum: 0).\n');
    expect(await lint(dir, [], { maxWarnings: '1' })).toMatchObject({ code: 0 });
  });

  it('skips files that are not posts of the site, as pre-commit passes every staged file', async () => {
    const dir = copySite('lint-blog');
    writeFileSync(path.join(dir, 'README.md'), '# not a post, no front matter\n');
    const result = await lint(dir, [
      'README.md',
      'hugo.toml',
      'static/img/photo.png',
      'content/posts/good.md',
      path.join(dir, 'content/posts/also-good.md'),
    ]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('finds the site from the files when run from a repository root above it (pre-commit)', async () => {
    const repo = tempDir();
    const { cpSync } = await import('node:fs');
    cpSync(copySite('lint-blog'), path.join(repo, 'blog'), { recursive: true });
    writeFileSync(path.join(repo, 'README.md'), '# the repository\n');
    const result = await lint(repo, ['blog/content/posts/bad.md', 'README.md'], { format: 'json' });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)[0].filePath).toBe(path.join(repo, 'blog/content/posts/bad.md'));
    await expect(lint(repo, [])).rejects.toThrow(/no meetup-note\.toml or Hugo config/);
  });

  it('takes folders and globs, and says when a name matches nothing', async () => {
    const dir = copySite('lint-blog');
    expect((await lint(dir, ['content/posts'], { format: 'json' })).stdout).toContain('bad.md');
    expect(JSON.parse((await lint(dir, ['content/**/good.md'], { format: 'json' })).stdout)).toHaveLength(1);
    await expect(lint(dir, ['content/nope.md'])).rejects.toMatchObject({
      kind: 'usage',
      message: 'content/nope.md: no such file or folder',
    });
    await expect(lint(dir, ['content/**/*.markdown'])).rejects.toMatchObject({
      kind: 'usage',
      message: 'no files match content/**/*.markdown',
    });
    await expect(lint(dir, [], { format: 'xml' })).rejects.toThrow(
      '--format xml: use one of stylish, json, github, sarif',
    );
  });

  it('gives a pre-commit chunk the same verdict as a full run (term cache)', async () => {
    const dir = copySite('lint-blog');
    const cache = tempDir();
    const run = async (patterns: string[]) => {
      const { deps, stdout } = testDeps({ cwd: dir, env: { XDG_CACHE_HOME: cache } });
      await lintCommand(patterns, { format: 'json', color: false }, deps);
      return (JSON.parse(stdout()) as { filePath: string; messages: unknown[] }[]).find((r) =>
        r.filePath.endsWith('bad.md'),
      )!.messages;
    };
    const full = await run([]);
    expect(await run(['content/posts/bad.md'])).toEqual(full);
    // A change to another post reaches the verdict through the cache (its mtime and size changed).
    writeFileSync(
      path.join(dir, 'content/posts/good.md'),
      read(dir, 'content/posts/good.md').replace('tags = ["Go", "Rust"]', 'tags = ["go", "Rust"]'),
    );
    const again = await run(['content/posts/bad.md']);
    expect(again).not.toEqual(full);
    expect(again).toEqual(await run([]));
  });

  it('in a git work tree, learns the other posts from the index and a summary of it, as a full run would', async () => {
    const dir = copySite('lint-blog');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
        stdio: 'ignore',
      });
    // Past the size from which git's index answers (smaller sites are walked: cheaper than starting git).
    for (let i = 0; i < 160; i++) {
      const post = `+++\ntitle = "p${i}"\ndate = 2024-01-01\ntags = ["Go"]\n+++\nbody\n`;
      writeFileSync(path.join(dir, 'content/posts', `p${i}.md`), post);
    }
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'site');
    const cache = tempDir();
    const read: string[] = [];
    const counting = {
      ...nodeFileSystem,
      readFile: ((file: string, ...rest: never[]) => {
        read.push(path.relative(dir, String(file)));
        return (nodeFileSystem.readFile as (...a: unknown[]) => unknown)(file, ...rest);
      }) as typeof nodeFileSystem.readFile,
    };
    const run = async (patterns: string[]) => {
      read.length = 0;
      const { deps, stdout } = testDeps({ cwd: dir, env: { XDG_CACHE_HOME: cache }, fs: counting });
      await lintCommand(patterns, { format: 'json', color: false }, deps);
      const results = JSON.parse(stdout()) as { filePath: string; messages: unknown[] }[];
      return results.find((r) => r.filePath.endsWith('bad.md'))!.messages;
    };
    const full = await run([]);
    expect(await run(['content/posts/bad.md'])).toEqual(full);
    // Warm: the summary answers; of the posts, only the one linted is read.
    expect(await run(['content/posts/bad.md'])).toEqual(full);
    expect(read.filter((file) => file.startsWith('content/'))).toEqual(['content/posts/bad.md']);
    expect(
      read.filter((file) => /meetup-note\/(terms|summary)-/.test(file)).map((f) => path.basename(f).split('-')[0]),
    ).toEqual(['summary']);
    // Another post changed and staged: the index changed, the post is read again, the verdict follows.
    const good = path.join(dir, 'content/posts/good.md');
    writeFileSync(good, readText(good).replace('tags = ["Go", "Rust"]', 'tags = ["go", "Rust"]'));
    git('add', 'content/posts/good.md');
    const staged = await run(['content/posts/bad.md']);
    expect(staged).not.toEqual(full);
    expect(staged).toEqual(await run([]));
    expect(await run(['content/posts/bad.md'])).toEqual(staged);
  });

  it('reads a photo once: later whole-site runs take its facts from the photo cache until it changes', async () => {
    const dir = copySite('lint-blog');
    // Past the size from which the photo cache is kept (a run over a few posts reads their photos instead).
    for (let i = 0; i < 200; i++) {
      const post = `+++\ntitle = "p${i}"\ndate = 2024-01-01\n+++\n![x](/img/photo.png)\n`;
      writeFileSync(path.join(dir, 'content/posts', `p${i}.md`), post);
    }
    const cache = tempDir();
    const heads: string[] = [];
    const counting = {
      ...nodeFileSystem,
      readSlice: (file: string, offset: number, length: number) => {
        heads.push(path.relative(dir, file));
        return nodeFileSystem.readSlice(file, offset, length);
      },
    };
    const run = async () => {
      heads.length = 0;
      const { deps, stdout } = testDeps({ cwd: dir, env: { XDG_CACHE_HOME: cache }, fs: counting });
      await lintCommand([], { format: 'json', color: false }, deps);
      return stdout();
    };
    const first = await run();
    expect(heads).toContain('static/img/photo.png');
    expect(await run()).toBe(first);
    expect(heads).toEqual([]);
    // Changed: read again.
    writeFileSync(path.join(dir, 'static/img/photo.png'), readFileSync(path.join(dir, 'static/img/photo.png')));
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, 'static/img/photo.png'), later, later);
    await run();
    expect(heads).toEqual(['static/img/photo.png']);
  });

  it('refuses an unknown rule in [lint.rules] with the file', async () => {
    const dir = copySite('lint-blog');
    writeFileSync(path.join(dir, 'meetup-note.toml'), '[lint.rules]\nimage-alts = "off"\n');
    await expect(lint(dir)).rejects.toMatchObject({
      location: 'meetup-note.toml:2:1',
      message: expect.stringMatching(
        /^\[lint\.rules\] names an unknown rule "image-alts"; the rules are: file-encoding, frontmatter-syntax/,
      ),
    });
  });

  it('takes severities from [lint.rules] and disable comments from front matter', async () => {
    const dir = copySite('lint-blog');
    writeFileSync(path.join(dir, 'meetup-note.toml'), '[lint.rules]\nimage-alt = "off"\nimage-self-url = "error"\n');
    writeFileSync(
      path.join(dir, 'content/posts/bad.md'),
      '+++\ntitle = "x"\ndate = 2024-01-01\n# meetup-note-disable-next-line tag-variant\ntags = ' +
        '["go"]\n+++\n\n![](https://example.dev/img/photo.png)\n',
    );
    const result = await lint(dir, ['content/posts/bad.md'], { format: 'json' });
    const [entry] = JSON.parse(result.stdout) as { messages: { ruleId: string; severity: number }[] }[];
    expect(entry!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['image-self-url', 2]]);
  });
});

/** Posts with messy term lists: variants, duplicates, blanks, aliases, comments, CRLF, odd spacing. */
const termArb = fc.constantFrom('Go', 'go', 'ＧＯ', 'Golang', 'Rust', 'rust', '', ' ', '勉強会', 'HTML & CSS', 'a"b');
const fixPostArb = fc.record({
  tags: fc.array(termArb, { maxLength: 6 }),
  categories: fc.array(termArb, { maxLength: 4 }),
  crlf: fc.boolean(),
  spacing: fc.constantFrom(', ', ',', ' , ', ',\n  '),
  comment: fc.boolean(),
  quote: fc.constantFrom('"', "'"),
});

function renderPost(p: {
  tags: string[];
  categories: string[];
  crlf: boolean;
  spacing: string;
  comment: boolean;
  quote: string;
}): string {
  const list = (terms: string[]) =>
    `[${terms.map((t) => (p.quote === "'" && !t.includes("'") ? `'${t}'` : JSON.stringify(t))).join(p.spacing)}]`;
  const lines = [
    '+++',
    'title = "fix"  # keep me',
    'date = 2024-01-01',
    `tags = ${list(p.tags)}`,
    `categories  =  ${list(p.categories)}`,
    ...(p.comment ? ['# trailing comment'] : []),
    '+++',
    '',
    'body ![alt](/img/photo.png)',
    '',
  ];
  return lines.join(p.crlf ? '\r\n' : '\n');
}

describe('--fix (property)', () => {
  it('is idempotent and changes nothing outside the term lists', async () => {
    const dir = copySite('lint-blog');
    const file = path.join(dir, 'content/posts/bad.md');
    await fc.assert(
      fc.asyncProperty(fixPostArb, async (post) => {
        const text = renderPost(post);
        writeFileSync(file, text);
        await lint(dir, ['content/posts/bad.md'], { fix: true });
        const once = read(dir, 'content/posts/bad.md');
        await lint(dir, ['content/posts/bad.md'], { fix: true });
        expect(read(dir, 'content/posts/bad.md')).toBe(once);
        // Outside the two lists, every byte is as it was.
        const outside = (t: string) => t.replace(/^(tags|categories)\s*=\s*\[[^\]]*\]/gm, '$1 = [...]');
        expect(outside(once)).toBe(outside(text));
        // No duplicates, blanks or aliases are left, and the lists still parse.
        const { parsePost } = await import('../../src/post/parse.js');
        const parsed = parsePost(once);
        expect(parsed.kind).toBe('ok');
        if (parsed.kind !== 'ok') return;
        for (const key of ['tags', 'categories']) {
          const terms = parsed.data[key] as string[];
          const folded = terms.map((t) => t.normalize('NFKC').toLowerCase().trim());
          expect(new Set(folded).size).toBe(folded.length);
          expect(terms.every((t) => t.trim() !== '' && t !== 'Golang' && t !== 'golang')).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('what --fix and --fix-dry-run say', () => {
  it('--fix-dry-run prints a unified diff per file, then the problems left; nothing is written', async () => {
    const dir = copySite('lint-blog');
    const before = snapshotTree(dir);
    const result = await lint(dir, ['content/posts/bad.md'], { fixDryRun: true });
    expect(result.stdout).toContain('--- a/content/posts/bad.md\n+++ b/content/posts/bad.md\n@@ -1,13 +1,13 @@\n');
    expect(result.stdout).toContain('-tags = ["go", "Golang", "Rust", "rust"]\n+tags = ["Go", "Rust"]\n');
    expect(result.stdout).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--fix lists the files it fixed, with how many problems, on stderr', async () => {
    const dir = copySite('lint-blog');
    const result = await lint(dir, ['content/posts/bad.md'], { fix: true });
    expect(result.stderr).toBe('Fixed 5 problems in content/posts/bad.md\n');
    expect(result.stdout).toContain('✖ 2 problems (1 error, 1 warning)');
  });
});
