import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renameCommand, tagsCommand } from '../../src/commands/tags.js';
import { parsePost } from '../../src/post/parse.js';
import { scriptedPrompter, testDeps } from '../helpers/deps.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';

function deps(cwd: string, prompter?: Parameters<typeof testDeps>[0]['prompter']) {
  return testDeps({ cwd, env: { XDG_CACHE_HOME: tempDir() }, ...(prompter ? { prompter } : {}) });
}

describe('tags rename', () => {
  it('rewrites the term in TOML and YAML posts, merging duplicates, touching nothing else', async () => {
    const dir = copySite('tags-site');
    const before = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => [n, read(dir, `content/posts/${n}.md`)]),
    );
    const { deps: d, stdout, stderr } = deps(dir);
    const code = await renameCommand('Golang', 'Go', {}, d);
    expect(code).toBe(1); // f.md has the term and cannot be rewritten
    // Every spelling Hugo files under the same page: Golang, then golang.
    expect(stdout()).toBe('content/posts/a.md\ncontent/posts/c.md\ncontent/posts/d.md\ncontent/posts/b.md\n');
    expect(read(dir, 'content/posts/a.md')).toBe(
      before.a!.replace('tags = ["Golang", "Rust"]', 'tags = ["Go", "Rust"]'),
    );
    expect(read(dir, 'content/posts/b.md')).toBe(before.b!.replace('tags = [ \'golang\' , "Go" ]', 'tags = [ "Go" ]'));
    expect(read(dir, 'content/posts/c.md')).toBe(before.c!.replace('  - Golang\n  - Go\n  - "Golang"\n', '  - Go\n'));
    expect(read(dir, 'content/posts/d.md')).toBe(
      before.d!.replace('tags: [Golang, TypeScript]\ncategories: [Golang]', 'tags: [Go, TypeScript]\ncategories: [Go]'),
    );
    expect(read(dir, 'content/posts/e.md')).toBe(before.e);
    expect(read(dir, 'content/posts/f.md')).toBe(before.f);
    expect(stderr()).toContain('content/posts/e.md: left alone: invalid TOML in the front matter');
    expect(stderr()).toContain(
      'content/posts/f.md: left alone: terms in JSON front matter are not rewritten; change it by hand',
    );
    expect(stderr()).toContain(
      'Renamed "Golang" to "Go" in 3 posts (1 already had "Go": merged)\nRenamed "golang" to "Go" in 1 post (1 ' +
        'already had "Go": merged)\n',
    );
  });

  it('says when no post has the term, with the ones it may have meant, exit 1', async () => {
    const dir = copySite('tags-site');
    const before = snapshotTree(dir);
    const { deps: d, stderr } = deps(dir);
    expect(await renameCommand('Rusty', 'Rust', {}, d)).toBe(1);
    expect(stderr()).toBe('no post has the term "Rusty"; did you mean "Rust"?\n');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keeps CRLF and the quoting of the token', async () => {
    const dir = copySite('tags-site');
    const before = read(dir, 'content/posts/b.md');
    await renameCommand('golang', 'Go', { taxonomy: 'tags' }, deps(dir).deps);
    expect(read(dir, 'content/posts/b.md')).toBe(before.replace('tags = [ \'golang\' , "Go" ]', 'tags = [ "Go" ]'));
    await renameCommand('Go', 'Go言語', {}, deps(dir).deps);
    expect(read(dir, 'content/posts/b.md')).toContain('tags = [ "Go言語" ]\r\n');
  });

  it('renames in one taxonomy only with --taxonomy, and names the taxonomies when it is wrong', async () => {
    const dir = copySite('tags-site');
    await renameCommand('Golang', 'Go', { taxonomy: 'categories' }, deps(dir).deps);
    expect(read(dir, 'content/posts/d.md')).toContain('tags: [Golang, TypeScript]\ncategories: [Go]');
    await expect(renameCommand('a', 'b', { taxonomy: 'series' }, deps(dir).deps)).rejects.toMatchObject({
      kind: 'usage',
      message: "--taxonomy series: this site's taxonomies are categories, tags",
    });
  });

  it('changes nothing with --dry-run, and says what it would do', async () => {
    const dir = copySite('tags-site');
    const before = snapshotTree(dir);
    const { deps: d, stdout, stderr } = deps(dir);
    await renameCommand('Golang', 'Go', { dryRun: true, alias: true }, d);
    expect(stdout()).toBe('content/posts/a.md\ncontent/posts/c.md\ncontent/posts/d.md\ncontent/posts/b.md\n');
    expect(stderr()).toContain('Would rename "Golang" to "Go" in 3 posts');
    expect(stderr()).toContain('Would rename "golang" to "Go" in 1 post');
    expect(stderr()).toContain('Would record Golang = "Go" under [aliases] in meetup-note.toml');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('records the alias with --alias, creating meetup-note.toml, so lint flags the old spelling', async () => {
    const dir = copySite('tags-site');
    await renameCommand('Golang', 'Go', { alias: true }, deps(dir).deps);
    expect(read(dir, 'meetup-note.toml')).toBe('[aliases]\nGolang = "Go"\n');
    const { lintCommand } = await import('../../src/commands/lint.js');
    const { deps: d, stdout } = deps(dir);
    writeFileSync(
      path.join(dir, 'content/posts/g.md'),
      '+++\ntitle = "G"\ndate = 2024-01-07\ntags = ["Golang"]\n+++\n',
    );
    await lintCommand(['content/posts/g.md'], { format: 'json', color: false }, d);
    expect(JSON.parse(stdout())[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['tag-alias']);
  });

  it('refuses empty or equal terms', async () => {
    const dir = copySite('tags-site');
    await expect(renameCommand(' ', 'Go', {}, deps(dir).deps)).rejects.toThrow('<from> is empty; give the term');
    await expect(renameCommand('Go', 'Go', {}, deps(dir).deps)).rejects.toThrow(
      '<from> and <to> are the same term ("Go")',
    );
  });
});

describe('tags (report)', () => {
  it('lists every term with its posts and spellings', async () => {
    const dir = copySite('tags-site');
    const { deps: d, stdout, stderr } = deps(dir);
    expect(await tagsCommand({}, d)).toBe(0);
    expect(stdout()).toBe(
      [
        'categories (2 terms)',
        '  1  Golang',
        '  1  Meetup',
        '',
        'tags (4 terms)',
        '  5  Golang  \u2190 also spelled golang (1)',
        '  2  Go',
        '  1  Rust',
        '  1  TypeScript',
        '',
        '',
      ].join('\n'),
    );
    expect(stderr()).toBe(
      'content/posts/e.md: its front matter cannot be read; its terms are not counted (see `meetup-note lint`)\n',
    );
  });

  it('offers, on a terminal, to unify each term with several spellings', async () => {
    const dir = copySite('tags-site');
    const prompter = scriptedPrompter(['Golang', true]);
    const { deps: d } = deps(dir, prompter);
    await tagsCommand({}, d);
    expect(prompter.asked).toEqual([
      'tags: Golang (5 posts in all), golang (1): which spelling to keep?',
      'Record the other spellings under [aliases], so lint flags them from now on?',
    ]);
    expect(read(dir, 'content/posts/b.md')).toContain('tags = [ \'Golang\' , "Go" ]');
    expect(read(dir, 'meetup-note.toml')).toBe('[aliases]\ngolang = "Golang"\n');
  });
});

/** Posts with term lists in many shapes, for the property below. */
const termArb = fc.constantFrom('Golang', 'Go', 'golang', 'Rust', '日本語', 'a b');
const postArb = fc.record({
  format: fc.constantFrom('toml', 'yaml-flow', 'yaml-block'),
  tags: fc.array(termArb, { maxLength: 5 }),
  categories: fc.array(termArb, { maxLength: 3 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

function render(p: {
  format: string;
  tags: string[];
  categories: string[];
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
}): string {
  const q = (t: string) => JSON.stringify(t);
  const lines =
    p.format === 'toml'
      ? [
          '+++',
          'title = "t"   # c',
          `tags = [${p.tags.map(q).join(', ')}]`,
          '# between',
          `categories = [ ${p.categories.map(q).join(' , ')} ]`,
          '+++',
        ]
      : p.format === 'yaml-flow'
        ? [
            '---',
            'title: t # c',
            `tags: [${p.tags.join(', ')}]`,
            `categories: [${p.categories.map(q).join(', ')}]`,
            '---',
          ]
        : [
            '---',
            'title: t',
            ...(p.tags.length ? ['tags:', ...p.tags.map((t) => `  - ${t}`)] : ['tags: []']),
            `categories: [${p.categories.join(', ')}]`,
            '---',
          ];
  const eol = p.crlf ? '\r\n' : '\n';
  return `${p.bom ? '\uFEFF' : ''}${[...lines, '', 'body  Golang stays here'].join(eol)}${p.finalNewline ? eol : ''}`;
}

describe('tags rename (property)', () => {
  it('changes only the renamed term in the lists, every other byte stays', async () => {
    const dir = copySite('tags-site');
    const file = path.join(dir, 'content/posts/a.md');
    const cache = tempDir();
    await fc.assert(
      fc.asyncProperty(postArb, async (post) => {
        const text = render(post);
        writeFileSync(file, text);
        await renameCommand('Golang', 'Go', {}, testDeps({ cwd: dir, env: { XDG_CACHE_HOME: cache } }).deps);
        const after = read(dir, 'content/posts/a.md');
        // Outside the two lists nothing changed.
        const outside = (t: string) =>
          t.replace(/^(tags|categories)(\s*[=:]\s*\[[^\]\r\n]*\]|:(\r?\n {2}- .*)+)/gm, '$1 [...]');
        expect(outside(after)).toBe(outside(text));
        // In them, each spelling of golang became Go once, with no duplicate.
        const parsed = parsePost(after);
        if (parsed.kind !== 'ok') throw new Error('no longer parses');
        // One spelling at a time: with Go there already it goes; else its first becomes Go and any other goes.
        const renamed = (terms: string[], from: string) =>
          terms.includes('Go')
            ? terms.filter((t) => t !== from)
            : terms.filter((t, i) => t !== from || terms.indexOf(from) === i).map((t) => (t === from ? 'Go' : t));
        for (const key of ['tags', 'categories'] as const) {
          const expected = ['Golang', 'golang'].reduce(renamed, post[key] as string[]);
          expect(parsed.data[key] ?? []).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});
