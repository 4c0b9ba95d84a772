import { existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';
import { Terminal } from '../helpers/tmux.js';
import { hasProgram } from '../helpers/tools.js';

const tmux = hasProgram('tmux', ['-V']);
const terminals: Terminal[] = [];

afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.close();
});

function open(): Terminal {
  const terminal = new Terminal({ NO_COLOR: '1', TZ: 'Asia/Tokyo', XDG_CACHE_HOME: tempDir('meetup-note-cache-') });
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
    expect(post).toContain('# 2. [LT] ターミナルから\n\n登壇者：@tmux_user さん\\\n端末株式会社\n\n[スライド](https://speakerdeck.com/tmux/lt)\n\n## Q&A\n\nQ. tmux で動く？\n\nA. 動きます\n');
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
    expect(read(dir, 'content/posts/b.md')).toContain("tags = [ 'Golang' , \"Go\" ]");
    expect(read(dir, 'meetup-note.toml')).toBe('[aliases]\ngolang = "Golang"\n');
  });
});
