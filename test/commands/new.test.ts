import { type PathLike, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as smolParse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { newCommand } from '../../src/commands/new.js';
import { nodeFileSystem } from '../../src/deps.js';
import { CancelledError, ConflictError, UsageError } from '../../src/errors.js';
import { parsePost } from '../../src/post/parse.js';
import { splitFrontMatter } from '../../src/post/frontmatter.js';
import { type Answer, CANCEL, rejection, scriptedPrompter, testDeps } from '../helpers/deps.js';
import { copySite, read, snapshotTree } from '../helpers/site.js';

const iarnaParse = createRequire(import.meta.url)('@iarna/toml').parse as (text: string) => Record<string, unknown>;

const flags = {
  title: '【DeNA.go #3】Go活用事例やパフォーマンスチューニングの話聞いてきた',
  event: 'DeNA.go #3',
  eventUrl: 'https://dena.connpass.com/event/150676/',
  hashtag: '#DeNAgo',
  date: '2019-11-01 19:00',
  categories: '勉強会,Go',
  yes: true,
};

describe('new without prompts', () => {
  it('writes the post, the photo folder and says where', async () => {
    const dir = copySite('example');
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    const site = path.join(dir, 'content', 'blog');
    expect(await newCommand('denago_3b', { ...flags }, deps)).toBe(0);
    expect(stdout()).toBe('content/blog/denago_3b.md\n');
    expect(read(site, 'denago_3b.md')).toBe(`+++
title = "【DeNA.go #3】Go活用事例やパフォーマンスチューニングの話聞いてきた"
date = 2019-11-01T19:00:00+09:00
draft = true
author = "yyh-gl"
categories = ["勉強会", "Go"]
tags = []
type = "post"
+++

# DeNA.go #3
- [connpass](https://dena.connpass.com/event/150676/)
- ハッシュタグ：[#DeNAgo](https://x.com/hashtag/DeNAgo)

`);
    expect(existsSync(path.join(dir, 'static/img/2019/11/denago_3b/.gitkeep'))).toBe(true);
    expect(stderr()).toContain('content/blog/denago_3b.md を作成しました');
    expect(stderr()).toContain('meetup-note add-session content/blog/denago_3b.md');
  });

  it('derives the slug from the event name', async () => {
    const dir = copySite('example');
    const { deps, stdout } = testDeps({ cwd: dir });
    await newCommand(undefined, { ...flags, event: 'Go Conference mini #7' }, deps);
    expect(stdout()).toBe('content/blog/go_conference_mini_7.md\n');
  });

  it('keeps whatever the writer typed, for every TOML parser', async () => {
    const dir = copySite('example');
    const { deps } = testDeps({ cwd: dir });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a writer may type ${x}; it must stay as typed
    const title = 'He said "hi" \\ C:\\path +++ 🎉 【勉強会】 \'single\' ${x} #1';
    const description = '"""\'\'\' <b>&amp;';
    await newCommand('quoted', { ...flags, title, description, tags: 'a"b,c\\d' }, deps);
    const text = read(dir, 'content/blog/quoted.md');
    const split = splitFrontMatter(text);
    if (split.kind !== 'found') throw new Error('no front matter');
    const toml = text.slice(split.frontMatter.start, split.frontMatter.end);
    for (const data of [iarnaParse(toml), smolParse(toml) as Record<string, unknown>]) {
      expect(data.title).toBe(title);
      expect(data.description).toBe(description);
      expect(data.tags).toEqual(['a"b', 'c\\d']);
    }
    expect(parsePost(text)).toMatchObject({ kind: 'ok', data: { title } });
  });

  it('names the missing flag when it cannot ask', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir });
    const error = await newCommand(undefined, { event: 'x' }, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^--title is required when not run in a terminal/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.each([
    [{ title: 'a\nb' }, '--title: 改行が含まれています。1行で入力してください'],
    [{ description: 'x\u0007' }, '--description: 制御文字 (U+0007) が含まれています。通常の文字だけで入力してください'],
    [
      { eventUrl: 'javascript:alert(1)' },
      '--event-url: 「javascript:alert(1)」は http(s) のURLではありません。http:// と https:// のリンクだけを書き込みます',
    ],
    [{ date: '2023-02-30' }, '--date: 2023-02-30 は存在しない日付です'],
    [
      { slug: '../../etc/passwd' },
      '--slug: 「../../etc/passwd」はスラッグに使えません。文字（日本語も可。Hugo は日本語のパスもそのまま公開します）・数字・「-」・「_」だけを使い（「/」「.」空白は不可）、' +
        '文字か数字で始めてください',
    ],
    [{ hashtag: 'two words' }, '--hashtag: 「two words」に空白があります。ハッシュタグは1語です'],
  ])('rejects %j with a clear message and writes nothing', async (bad, message) => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir });
    expect(await rejection(newCommand(undefined, { ...flags, ...bad }, deps), 'ja')).toEqual({
      kind: 'usage',
      text: message,
    });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('accepts a Japanese slug (Hugo serves Unicode paths), and says how to preview a draft', async () => {
    const dir = copySite('example');
    const { deps, stderr } = testDeps({ cwd: dir });
    expect(await newCommand('勉強会メモ', { ...flags }, deps)).toBe(0);
    expect(read(dir, 'content/blog/勉強会メモ.md')).toContain('draft = true');
    expect(stderr()).toContain('下書きです。hugo server -D でプレビューできます');
  });

  it('never overwrites without --force', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir });
    expect((await rejection(newCommand('denago_3', { ...flags }, deps), 'ja')).text).toMatch(
      /content\/blog\/denago_3\.md はすでにあります/,
    );
    expect(snapshotTree(dir)).toEqual(before);
    expect(await newCommand('denago_3', { ...flags, force: true }, deps)).toBe(0);
    expect(read(dir, 'content/blog/denago_3.md')).toContain('draft = true');
  });

  it('prints the post with --dry-run and writes nothing', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    expect(await newCommand('dry', { ...flags, dryRun: true }, deps)).toBe(0);
    expect(stdout()).toMatch(/^\+\+\+\ntitle = /);
    expect(stderr()).toContain('content/blog/dry.md を作成します（--dry-run）');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('makes a page bundle when postPath ends in index.md, with no separate photo folder', async () => {
    const dir = copySite('example');
    const config = path.join(dir, 'meetup-note.toml');
    writeFileSync(
      config,
      read(dir, 'meetup-note.toml').replace('postPath = "blog/{slug}.md"', 'postPath = "blog/{yyyy}/{slug}/index.md"'),
    );
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    await newCommand('bundle', { ...flags }, deps);
    expect(stdout()).toBe('content/blog/2019/bundle/index.md\n');
    expect(existsSync(path.join(dir, 'static/img/2019/11/bundle'))).toBe(false);
    expect(stderr()).toContain('写真は記事と同じ content/blog/2019/bundle/ に置いてください');
  });

  it('expands the site front matter extras, images included', async () => {
    const dir = copySite('example');
    writeFileSync(
      path.join(dir, 'meetup-note.toml'),
      (
        `${read(dir, 'meetup-note.toml')}\n[[new.frontMatter.images]]\nsrc = "{imageDir}/featured.png"\n` +
        `alt = "featured"\n`
      ).replace('[aliases]\nGolang = "Go"\n', ''),
    );
    const { deps } = testDeps({ cwd: dir });
    await newCommand('imgs', { ...flags }, deps);
    expect(read(dir, 'content/blog/imgs.md')).toContain(
      'type = "post"\n[[images]]\n  src = "img/2019/11/imgs/featured.png"\n  alt = "featured"\n+++\n',
    );
  });

  it('removes what it created when the write fails', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const failing = {
      ...nodeFileSystem,
      link: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    };
    const { deps } = testDeps({ cwd: dir, fs: failing });
    expect((await rejection(newCommand('fails', { ...flags }, deps), 'ja')).text).toContain(
      'ディスクがいっぱいです (ENOSPC)',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses to write through a symbolic link that leaves the site', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = copySite('example');
    const outside = copySite('hugo-json');
    symlinkSync(outside, path.join(dir, 'content', 'blog', 'out'));
    writeFileSync(
      path.join(dir, 'meetup-note.toml'),
      read(dir, 'meetup-note.toml').replace('blog/{slug}.md', 'blog/out/{slug}.md'),
    );
    const { deps } = testDeps({ cwd: dir });
    expect((await rejection(newCommand('x', { ...flags }, deps), 'ja')).text).toMatch(/シンボリックリンクでサイトの外/);
    expect(existsSync(path.join(outside, 'x.md'))).toBe(false);
  });
});

describe("new writes the site's spellings", () => {
  // The example site has Golang = "Go" under [aliases], and one post tagged Go.
  const withAlias = () => copySite('example');

  it('writes an alias as its target, a variant as the posts spell it, and says so (--yes)', async () => {
    const dir = withAlias();
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    expect(
      await newCommand(
        'spellings',
        { ...flags, categories: 'golang,勉強会', tags: 'GO,ｐｅｒｆ,Rust', dryRun: true },
        deps,
      ),
    ).toBe(0);
    expect(stdout()).toContain('categories = ["Go", "勉強会"]\ntags = ["Go", "ｐｅｒｆ", "Rust"]\n');
    expect(stderr()).toContain(
      'カテゴリ: 「golang」はサイトの表記「Go」で書きました（meetup-note.toml の [aliases] の別名）\n',
    );
    expect(stderr()).toContain('タグ: 「GO」はサイトの表記「Go」で書きました（1 件の記事がこの表記）\n');
    expect(stderr()).not.toContain('Rust」で');
  });

  it('takes each spelling once: golang and Go are one category', async () => {
    const dir = withAlias();
    const { deps, stdout } = testDeps({ cwd: dir });
    await newCommand('once', { ...flags, categories: 'Go,golang', dryRun: true }, deps);
    expect(stdout()).toContain('categories = ["Go"]\n');
  });

  it('offers the site spelling on a terminal, and keeps what was typed when the writer says so', async () => {
    const dir = withAlias();
    const answers = ['DeNA.go #3', '', '', '2019-11-01 19:00', 'タイトル', '', [], 'golang', [], 'GO'];
    const prompter = scriptedPrompter([...answers.slice(0, 8), 'Go', [], 'GO', 'GO', 'spell', true, true, false]);
    const { deps } = testDeps({ cwd: dir, prompter });
    expect(await newCommand(undefined, {}, deps)).toBe(0);
    expect(read(dir, 'content/blog/spell.md')).toContain('categories = ["Go"]\ntags = ["GO"]\n');
    expect(prompter.asked).toContain(
      'カテゴリ: 「golang」はサイトでは「Go」と書いています（meetup-note.toml の [aliases] の別名）。どちらにしますか？',
    );
    expect(prompter.asked).toContain(
      'タグ: 「GO」はサイトでは「Go」と書いています（1 件の記事がこの表記）。どちらにしますか？',
    );
  });
});

describe('new with prompts', () => {
  const answers = [
    'DeNA.go #3', // event
    'https://dena.connpass.com/event/150676/', // event page
    '#DeNAgo', // hashtag
    '2019-11-01 19:00', // date
    '', // title: take the offered 【DeNA.go #3】
    'DeNAさん主催のGolang勉強会', // description
    ['Go'], // categories picked from the site
    '新カテゴリ', // new categories
    ['パフォーマンス'], // tags picked
    '', // new tags
    '', // slug: take denago_3... which exists, so:
  ];

  it('asks for each missing value, then confirms before writing', async () => {
    const dir = copySite('example');
    const prompter = scriptedPrompter([...answers.slice(0, -1), 'denago_3_report', true, true, false]);
    const { deps, stdout, stderr } = testDeps({ cwd: dir, prompter });
    expect(await newCommand(undefined, {}, deps)).toBe(0);
    expect(stdout()).toBe('content/blog/denago_3_report.md\n');
    const text = read(dir, 'content/blog/denago_3_report.md');
    expect(text).toContain('title = "【DeNA.go #3】"\n');
    expect(text).toContain('description = "DeNAさん主催のGolang勉強会"\n');
    expect(text).toContain('categories = ["Go", "新カテゴリ"]\ntags = ["パフォーマンス"]\n');
    expect(stderr()).toContain(
      '作成する記事:\n  ファイル: content/blog/denago_3_report.md\n  タイトル: 【DeNA.go #3】\n',
    );
    expect(prompter.asked).toEqual([
      'イベント名（例: DeNA.go #3）',
      'イベントページのURL（空欄: なし）',
      'ハッシュタグ（空欄: なし）',
      '日付と開始時刻（YYYY-MM-DD HH:mm）',
      'タイトル',
      '説明（空欄: なし）',
      'カテゴリ: サイトで使っているものから選択（スペースで選択、Enterで次へ）',
      'カテゴリ: 新しく追加するもの（カンマ区切り、空欄: なし）',
      'タグ: サイトで使っているものから選択（スペースで選択、Enterで次へ）',
      'タグ: 新しく追加するもの（カンマ区切り、空欄: なし）',
      'スラッグ（ファイル名）',
      '下書き (draft) として保存しますか？',
      'content/blog/denago_3_report.md を書き込みますか？',
      '最初のセッションを今すぐ追加しますか？',
    ]);
  });

  it('goes on to the first talk when the writer wants to', async () => {
    const dir = copySite('example');
    const talk = ['Go活用事例', '@suhirotaka', 'DeNA', false, 'https://speakerdeck.com/x', '', false];
    const prompter = scriptedPrompter([...answers.slice(0, -1), 'with_talk', true, true, true, ...talk]);
    const { deps, stdout } = testDeps({ cwd: dir, prompter });
    expect(await newCommand(undefined, {}, deps)).toBe(0);
    expect(stdout()).toBe('content/blog/with_talk.md\n');
    expect(read(dir, 'content/blog/with_talk.md')).toContain(
      '- ハッシュタグ：[#DeNAgo](https://x.com/hashtag/DeNAgo)\n\n# 1. Go活用事例\n\n登壇者：@suhirotaka ' +
        'さん\\\nDeNA\n\n[スライド](https://speakerdeck.com/x)\n',
    );
  });

  it('offers the next free slug when the post exists, there and then', async () => {
    const dir = copySite('example');
    const before = read(dir, 'content/blog/denago_3.md');
    const prompter = scriptedPrompter([...answers, 'free', true, true, false]);
    const { deps, stdout } = testDeps({ cwd: dir, prompter });
    expect(await newCommand(undefined, {}, deps)).toBe(0);
    expect(stdout()).toBe('content/blog/denago_3-2.md\n');
    expect(read(dir, 'content/blog/denago_3.md')).toBe(before);
    expect(prompter.asked).toContain('content/blog/denago_3.md はすでにあります。どうしますか？');
  });

  it('overwrites the existing post when the writer chooses so, or asks for another slug', async () => {
    const dir = copySite('example');
    const overwrite = scriptedPrompter([...answers, 'overwrite', true, true, false]);
    expect(await newCommand(undefined, {}, testDeps({ cwd: dir, prompter: overwrite }).deps)).toBe(0);
    expect(read(dir, 'content/blog/denago_3.md')).toContain('description = "DeNAさん主催のGolang勉強会"');
    const other = scriptedPrompter([...answers, 'other', 'denago_3_again', true, true, false]);
    expect(await newCommand(undefined, {}, testDeps({ cwd: dir, prompter: other }).deps)).toBe(0);
    expect(read(dir, 'content/blog/denago_3_again.md')).toContain('title = "【DeNA.go #3】"');
  });

  it('asks only for what the flags leave out', async () => {
    const dir = copySite('example');
    const prompter = scriptedPrompter(['', [], '', 'only-this', false, true, false]);
    const { deps } = testDeps({ cwd: dir, prompter });
    await newCommand(undefined, { ...flags, yes: false }, deps);
    expect(prompter.asked[0]).toBe('説明（空欄: なし）');
    expect(read(dir, 'content/blog/only-this.md')).toContain('draft = false');
  });

  it('writes nothing when the writer says no', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const prompter = scriptedPrompter([...answers.slice(0, -1), 'declined', true, false]);
    const { deps, stderr } = testDeps({ cwd: dir, prompter });
    expect(await newCommand(undefined, {}, deps)).toBe(0);
    expect(stderr()).toContain('何も書き込みませんでした。');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.each([0, 3, 6, 11, 12])('leaves the tree exactly as it was on Ctrl-C at prompt %i', async (at) => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const script: Answer[] = [...answers.slice(0, -1), 'cancelled', true, true];
    script[at] = CANCEL;
    const { deps } = testDeps({ cwd: dir, prompter: scriptedPrompter(script) });
    await expect(newCommand(undefined, {}, deps)).rejects.toBeInstanceOf(CancelledError);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('takes flags and defaults with --yes even on a terminal', async () => {
    const dir = copySite('example');
    const { deps } = testDeps({ cwd: dir, prompter: scriptedPrompter([]) });
    expect(await newCommand('yes', { ...flags }, deps)).toBe(0);
  });

  it('says --title is required with --yes on a terminal', async () => {
    const dir = copySite('example');
    const { deps } = testDeps({ cwd: dir, prompter: scriptedPrompter([]) });
    await expect(newCommand('yes', { yes: true }, deps)).rejects.toThrow(/^--title is required with --yes/);
  });
});

describe('new conflicts', () => {
  it('never replaces a post created by someone else meanwhile', async () => {
    const dir = copySite('example');
    const target = path.join(dir, 'content/blog/race.md');
    // The file appears between our check and our write: the hard link refuses to replace it.
    const racing = {
      ...nodeFileSystem,
      link: async (from: PathLike, to: PathLike) => {
        if (to === target) writeFileSync(target, 'written by the writer\n');
        return nodeFileSystem.link(from, to);
      },
    };
    const { deps } = testDeps({ cwd: dir, fs: racing });
    await expect(newCommand('race', { ...flags }, deps)).rejects.toBeInstanceOf(ConflictError);
    expect(read(dir, 'content/blog/race.md')).toBe('written by the writer\n');
  });
});
