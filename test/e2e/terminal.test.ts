import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';
import { Terminal } from '../helpers/tmux.js';
import { buildSite, hasProgram } from '../helpers/tools.js';

const tmux = hasProgram('tmux', ['-V']);
const hugo = hasProgram('hugo', ['version']);
const terminals: Terminal[] = [];

afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.close();
});

function open(cache = tempDir('meetup-note-cache-')): Terminal {
  const terminal = new Terminal({ NO_COLOR: '1', TZ: 'Asia/Tokyo', XDG_CACHE_HOME: cache });
  terminals.push(terminal);
  return terminal;
}

describe.skipIf(!tmux)('new in a real terminal (tmux)', () => {
  it('asks, takes typed answers and defaults, confirms and writes', async () => {
    const dir = copySite('example');
    const terminal = open();
    terminal.start(`node ${JSON.stringify(BIN)} new -C ${JSON.stringify(dir)}`);
    await terminal.waitFor('イベント名');
    terminal.type('DeNA.go #5', 'Enter');
    await terminal.waitFor('イベントページのURL');
    terminal.type('https://dena.connpass.com/event/555/', 'Enter');
    await terminal.waitFor('ハッシュタグ');
    terminal.type('#DeNAgo', 'Enter');
    await terminal.waitFor('日付と開始時刻');
    terminal.type('2019-12-06 19:30', 'Enter');
    await terminal.waitFor('? タイトル (【DeNA.go #5】)');
    terminal.type('', 'Tab');
    terminal.type('ターミナルから', 'Enter');
    await terminal.waitFor('説明');
    terminal.type('', 'Enter');
    await terminal.waitFor('カテゴリ: サイトで使っているものから選択');
    terminal.type('', 'Enter');
    await terminal.waitFor('カテゴリ: 新しく追加するもの');
    terminal.type('', 'Enter');
    await terminal.waitFor('タグ: サイトで使っているものから選択');
    terminal.type('', 'Enter');
    await terminal.waitFor('タグ: 新しく追加するもの');
    terminal.type('Go', 'Enter');
    await terminal.waitFor('スラッグ（ファイル名） (denago_5)');
    terminal.type('', 'Enter');
    await terminal.waitFor('下書き (draft) として保存しますか？');
    terminal.type('', 'Enter');
    const summary = await terminal.waitFor('を書き込みますか？');
    expect(summary).toContain('タイトル: 【DeNA.go #5】ターミナルから');
    terminal.type('', 'Enter');
    await terminal.waitFor('最初のセッションを今すぐ追加しますか？');
    terminal.type('', 'Enter');
    const screen = await terminal.waitFor(/EXIT:\d+/);
    expect(screen).toContain('EXIT:0');
    expect(screen).toContain('content/blog/denago_5.md を作成しました');
    const text = read(dir, 'content/blog/denago_5.md');
    expect(text).toContain('title = "【DeNA.go #5】ターミナルから"\ndate = 2019-12-06T19:30:00+09:00\ndraft = true\n');
    expect(text).toContain('categories = ["勉強会"]\ntags = ["Go"]\n');
  });

  it('Ctrl-C at a prompt exits 130 and leaves the tree exactly as it was', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const terminal = open();
    terminal.start(`node ${JSON.stringify(BIN)} new -C ${JSON.stringify(dir)}`);
    await terminal.waitFor('イベント名');
    terminal.type('DeNA.go #6', 'Enter');
    await terminal.waitFor('イベントページのURL');
    terminal.type('https://dena', 'C-c');
    const screen = await terminal.waitFor(/EXIT:\d+/);
    expect(screen).toContain('EXIT:130');
    expect(snapshotTree(dir)).toEqual(before);
    expect(existsSync(path.join(dir, 'content/blog/denago_6.md'))).toBe(false);
  });
});

describe.skipIf(!tmux)('add-session in a real terminal (tmux)', () => {
  it('asks for the talk and its Q&A, then splices it in', async () => {
    const dir = copySite('example');
    const newest = new Date('2030-01-01');
    utimesSync(path.join(dir, 'content/blog/rust_tokyo_2026/index.md'), newest, newest);
    const terminal = open();
    terminal.start(`node ${JSON.stringify(BIN)} add-session -C ${JSON.stringify(dir)}`);
    // Which report: no draft and no `new` yet, so the post changed last is the default, shown first.
    await terminal.waitFor('content/blog/rust_tokyo_2026/index.md  (最後に更新)');
    terminal.type('', 'Enter');
    await terminal.waitFor('に追加します（最後に更新された記事）');
    await terminal.waitFor('セッションのタイトル');
    terminal.type('[LT] ターミナルから', 'Enter');
    await terminal.waitFor('登壇者（名前か @handle、空欄: なし）');
    terminal.type('@tmux_user', 'Enter');
    await terminal.waitFor('@tmux_user さんの所属');
    terminal.type('端末株式会社', 'Enter');
    await terminal.waitFor('ほかの登壇者を追加しますか？');
    terminal.type('', 'Enter');
    await terminal.waitFor('スライドのURL');
    terminal.type('https://speakerdeck.com/tmux/lt', 'Enter');
    await terminal.waitFor('動画のURL');
    terminal.type('', 'Enter');
    await terminal.waitFor('Q&Aを今すぐ追加しますか？');
    terminal.type('y', 'Enter');
    await terminal.waitFor('? 質問');
    terminal.type('tmux で動く？', 'Enter');
    await terminal.waitFor('回答（空欄: まだなし）');
    terminal.type('動きます', 'Enter');
    await terminal.waitFor('質問した人');
    terminal.type('', 'Enter');
    await terminal.waitFor('続けて質問を追加しますか？');
    terminal.type('', 'Enter');
    const screen = await terminal.waitFor(/EXIT:\d+/);
    expect(screen).toContain('EXIT:0');
    const post = read(dir, 'content/blog/rust_tokyo_2026/index.md');
    expect(post).toContain(
      '# 2. [LT] ターミナルから\n\n登壇者：@tmux_user さん\\\n端末株式会社\n\n[スライド](https://speakerdeck.com/tmux/lt)\n\n## Q&A\n\nQ. ' +
        'tmux で動く？\n\nA. 動きます\n',
    );
  });
});

describe.skipIf(!tmux)('tags in a real terminal (tmux)', () => {
  it('shows the report, then unifies the chosen spelling', async () => {
    const dir = copySite('tags-site');
    const terminal = open();
    terminal.start(`node ${JSON.stringify(BIN)} tags --taxonomy tags -C ${JSON.stringify(dir)}`);
    await terminal.waitFor('5  Golang');
    await terminal.waitFor('which spelling to keep?');
    terminal.type('', 'Enter');
    await terminal.waitFor('Record the other spellings under [aliases]');
    terminal.type('', 'Enter');
    const screen = await terminal.waitFor(/EXIT:\d+/);
    expect(screen).toContain('EXIT:0');
    expect(screen).toContain('Renamed "golang" to "Golang" in 1 post');
    expect(read(dir, 'content/posts/b.md')).toContain('tags = [ \'Golang\' , "Go" ]');
    expect(read(dir, 'meetup-note.toml')).toBe('[aliases]\ngolang = "Golang"\n');
  });
});

describe.skipIf(!tmux || !hugo)('a whole meetup in a real terminal (tmux), then Hugo builds the report', () => {
  /** Runs one command in a fresh terminal; `steps` answer what it shows; returns the last screen. */
  // One user's cache for the whole evening: `new` remembers the report there.
  const cache = tempDir('meetup-note-cache-');
  async function session(command: string, steps: [string | RegExp, string, ...string[]][]): Promise<string> {
    const terminal = open(cache);
    terminal.start(`node ${JSON.stringify(BIN)} ${command}`);
    for (const [wait, text, ...keys] of steps) {
      await terminal.waitFor(wait);
      terminal.type(text, ...(keys.length ? keys : ['Enter']));
    }
    const screen = await terminal.waitFor(/EXIT:\d+/);
    expect(screen, screen).toContain('EXIT:0');
    terminal.close();
    return screen;
  }

  it('new → two talks → add-qa into talk 1 → tags rename of a cluster → lint → another talk into the same report', {
    timeout: 120_000,
  }, async () => {
    const dir = copySite('example');
    const C = `-C ${JSON.stringify(dir)}`;
    // An older post with two spellings of the alias Golang: the cluster `tags rename` unifies.
    writeFileSync(
      path.join(dir, 'content/blog/older.md'),
      '+++\ntitle = "前回"\ndate = 2019-10-01T19:00:00+09:00\ncategories = ["勉強会"]\ntags = ["golang", ' +
        '"GOLANG"]\n+++\n\n前回の話。\n',
    );
    const report = 'content/blog/go_meetup_9.md';

    // 1. The report, and its first talk in the same run: Markdown in the title, a speaker who typed さん, an empty
    // question ends Q&A.
    await session(`new ${C}`, [
      ['イベント名', 'Go Meetup #9'],
      ['イベントページのURL', ''],
      ['ハッシュタグ', ''],
      ['日付と開始時刻', '2026-11-20 19:00'],
      ['? タイトル', ''],
      ['説明', ''],
      ['カテゴリ: サイトで使っているものから選択', ''],
      ['カテゴリ: 新しく追加するもの', ''],
      ['タグ: サイトで使っているものから選択', ''],
      ['タグ: 新しく追加するもの', 'GO'],
      ['「GO」はサイトでは「Go」と書いています', ''],
      ['スラッグ（ファイル名） (go_meetup_9)', ''],
      ['下書き (draft) として保存しますか？', ''],
      ['を書き込みますか？', ''],
      ['最初のセッションを今すぐ追加しますか？', 'y'],
      ['セッションのタイトル', 'Goの[ジェネリクス]入門 *実践編*'],
      ['登壇者（名前か @handle', '鈴木さん'],
      ['? 鈴木さんの所属', 'ACME'],
      ['ほかの登壇者を追加しますか？', ''],
      ['スライドのURL', ''],
      ['動画のURL', ''],
      ['Q&Aを今すぐ追加しますか？', 'y'],
      ['? 質問（空欄: 終了）', ''],
    ]);
    expect(read(dir, report)).toContain('tags = ["Go"]\n');

    // 2. The second talk goes to the report being written, which the picker shows first.
    await session(`add-session ${C}`, [
      [`go_meetup_9.md  (meetup-note new で最後に作成)`, ''],
      ['セッションのタイトル', '`interface{}` の話'],
      ['登壇者（名前か @handle', '@gopher_taro'],
      ['@gopher_taro さんの所属', ''],
      ['ほかの登壇者を追加しますか？', ''],
      ['スライドのURL', ''],
      ['動画のURL', ''],
      ['Q&Aを今すぐ追加しますか？', ''],
    ]);

    // 3. Q&A for talk 1: asked which talk (the last is the default: one up).
    await session(`add-qa ${C}`, [
      [`go_meetup_9.md  (meetup-note new で最後に作成)`, ''],
      ['どのセッションに追加しますか？', '', 'Up', 'Enter'],
      ['? 質問（空欄: 終了）', 'ジェネリクスは速い？'],
      ['回答（空欄: まだなし）', '場合による'],
      ['質問した人', '会場の山本さん'],
      ['続けて質問を追加しますか？', ''],
    ]);

    // 4. Every spelling of the cluster renamed, each said.
    const renamed = await session(`tags rename golang Go ${C}`, []);
    expect(renamed).toContain('「golang」を「Go」に変更しました: 1 件');
    expect(renamed).toContain('「GOLANG」を「Go」に変更しました: 1 件');
    expect(read(dir, 'content/blog/older.md')).toContain('tags = ["Go"]\n');

    // 5. lint passes on the whole site.
    await session(`lint ${C}`, []);

    // 6. Later that evening, another talk: still the same report.
    await session(`add-session ${C}`, [
      [`go_meetup_9.md  (meetup-note new で最後に作成)`, ''],
      ['セッションのタイトル', 'LT: 懇親会の話'],
      ['登壇者（名前か @handle', ''],
      ['スライドのURL', ''],
      ['動画のURL', ''],
      ['Q&Aを今すぐ追加しますか？', ''],
    ]);

    const text = read(dir, report);
    expect(text).toContain('# 1. Goの[ジェネリクス]入門 *実践編*\n\n登壇者：鈴木さん\\\nACME\n');
    expect(text).toContain('Q. ジェネリクスは速い？（会場の山本さん）\n\nA. 場合による\n');
    expect(text).toContain('# 2. `interface{}` の話\n\n登壇者：@gopher_taro さん\n');
    expect(text).toContain('# 3. LT: 懇親会の話\n');
    expect(text.indexOf('Q. ジェネリクスは速い？')).toBeLessThan(text.indexOf('# 2.'));

    // 7. Hugo builds it: the Markdown typed is Markdown on the page.
    const html = readFileSync(path.join(buildSite(dir), 'blog/go_meetup_9/index.html'), 'utf8');
    expect(html).toContain('<code>interface{}</code>');
    expect(html).toContain('Goの[ジェネリクス]入門 <em>実践編</em>');
  });
});
