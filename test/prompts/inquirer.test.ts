import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { addQaCommand, addSessionCommand } from '../../src/commands/add-session.js';
import { newCommand } from '../../src/commands/new.js';
import { tagsCommand } from '../../src/commands/tags.js';
import { CancelledError } from '../../src/errors.js';
import { createInquirerPrompter } from '../../src/prompts/inquirer.js';
import { testDeps } from '../helpers/deps.js';
import { eventServer } from '../helpers/event-server.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';

/** Types an answer at the current prompt and waits for the next one to show. */
async function answer(text: string): Promise<void> {
  if (text) screen.type(text);
  screen.keypress('enter');
  await screen.next();
}

describe('new through the real @inquirer prompts', () => {
  it('walks every prompt, validates, offers defaults and writes after the confirmation', async () => {
    const dir = copySite('example');
    const { deps, stdout } = testDeps({ cwd: dir, prompter: createInquirerPrompter() });
    const done = newCommand(undefined, {}, deps);
    await screen.next();
    expect(screen.getScreen()).toBe('? イベント名（例: DeNA.go #3）');
    await answer('DeNA.go #9');
    await answer('not a url');
    expect(screen.getScreen()).toContain('「not a url」はURLではありません');
    for (let i = 0; i < 'not a url'.length; i++) screen.keypress('backspace');
    await answer('https://dena.connpass.com/event/999/');
    await answer('#DeNAgo');
    expect(screen.getScreen()).toContain('日付と開始時刻（YYYY-MM-DD HH:mm） (2026-11-25 19:00)');
    await answer('');
    expect(screen.getScreen()).toContain('タイトル (【DeNA.go #9】)');
    screen.keypress('tab'); // take the offered start and go on typing
    await answer('Goの話');
    await answer('');
    expect(screen.getScreen()).toContain('勉強会 (2)');
    screen.keypress('down'); // from 勉強会 (preset, checked) to Go
    screen.keypress('space');
    await answer('');
    await answer('');
    screen.keypress('space');
    await answer('');
    await answer('');
    expect(screen.getScreen()).toContain('スラッグ（ファイル名） (denago_9)');
    await answer('');
    await answer('');
    expect(screen.getScreen()).toContain('content/blog/denago_9.md を書き込みますか？');
    await answer('');
    expect(screen.getScreen()).toContain('最初のセッションを今すぐ追加しますか？ (y/N)');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(stdout()).toBe('content/blog/denago_9.md\n');
    const text = read(dir, 'content/blog/denago_9.md');
    expect(text).toContain('title = "【DeNA.go #9】Goの話"\ndate = 2026-11-25T19:00:00+09:00\n');
    expect(text).toContain('categories = ["勉強会", "Go"]\n');
    expect(text).toContain('- [connpass](https://dena.connpass.com/event/999/)\n');
  });

  it('Ctrl-C at a prompt cancels and leaves the site as it was', async () => {
    const dir = copySite('example');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir, prompter: createInquirerPrompter() });
    const done = newCommand(undefined, {}, deps);
    await screen.next();
    await answer('DeNA.go #9');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toBeInstanceOf(CancelledError);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('add-session and add-qa through the real @inquirer prompts', () => {
  it('loops over speakers and questions until the writer says no more', async () => {
    const dir = copySite('session-posts');
    const { deps } = testDeps({ cwd: dir, prompter: createInquirerPrompter() });
    const done = addSessionCommand('content/posts/closing.md', {}, deps);
    await screen.next();
    expect(screen.getScreen()).toBe('? Talk title');
    await answer('');
    expect(screen.getScreen()).toContain('a value is required');
    await answer('Prompted talk');
    await answer('@ann');
    expect(screen.getScreen()).toContain('Affiliation of @ann (empty: none)');
    await answer('ACME');
    expect(screen.getScreen()).toContain('Another speaker? (y/N)');
    await answer('y');
    await answer('@bob');
    await answer('');
    await answer('');
    await answer('notaurl');
    expect(screen.getScreen()).toContain('"notaurl" is not a URL');
    for (let i = 0; i < 'notaurl'.length; i++) screen.keypress('backspace');
    await answer('https://example.com/slides');
    await answer('');
    expect(screen.getScreen()).toContain('Add Q&A now? (y/N)');
    await answer('y');
    await answer('Why Go?');
    await answer('Because it is simple');
    await answer('@carol');
    await answer('y');
    await answer('And tests?');
    await answer('Table-driven');
    await answer('');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(read(dir, 'content/posts/closing.md')).toContain(
      '# 3. Prompted talk\n\nSpeaker: @ann (ACME)\n\nSpeaker: @bob\n\n[Slides](https://example.com/slides)\n\n## ' +
        'Q&A\n\nQ. Why Go? (asked by @carol)\n\nA. Because it is simple\n\nQ. And tests?\n\nA. Table-driven\n\n# ' +
        'Summary',
    );
  });

  it('add-qa asks for pairs; Ctrl-C leaves the post as it was', async () => {
    const dir = copySite('session-posts');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir, prompter: createInquirerPrompter() });
    const done = addQaCommand('content/posts/closing.md', { session: '1' }, deps);
    await screen.next();
    expect(screen.getScreen()).toBe('? Question (empty: done)');
    await answer('typed, then abandoned');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toBeInstanceOf(CancelledError);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('tags through the real @inquirer prompts', () => {
  it('picks the spelling to keep from a list, then asks about aliases', async () => {
    const dir = copySite('tags-site');
    const { deps, stdout } = testDeps({
      cwd: dir,
      prompter: createInquirerPrompter(),
      env: { XDG_CACHE_HOME: tempDir() },
    });
    const done = tagsCommand({ taxonomy: 'tags' }, deps);
    await screen.next();
    expect(screen.getScreen()).toContain('tags: Golang (5 posts in all), golang (1): which spelling to keep?');
    expect(screen.getScreen()).toContain('Use "golang"');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Record the other spellings under [aliases]');
    screen.type('n');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(stdout()).toContain('content/posts/a.md\n');
    expect(read(dir, 'content/posts/a.md')).toContain('tags = ["golang", "Rust"]');
    expect(read(dir, 'content/posts/b.md')).toContain('tags = [ \'golang\' , "Go" ]');
  });
});

const pages = eventServer();

describe('new --from-url through the real @inquirer prompts', () => {
  it('offers what the page says as the answers, to confirm or edit', async () => {
    const dir = copySite('example');
    const { deps, stdout } = testDeps({
      cwd: dir,
      prompter: createInquirerPrompter(),
      env: { XDG_CACHE_HOME: tempDir() },
    });
    const done = newCommand(undefined, { fromUrl: pages.url('/pages/connpass-like.html') }, deps);
    await screen.next();
    expect(screen.getScreen()).toBe('? イベント名（例: DeNA.go #3） (DeNA.go #3)');
    await answer('');
    expect(screen.getScreen()).toContain('(https://dena.connpass.com/event/150676/)');
    await answer('');
    expect(screen.getScreen()).toContain('(DeNAgo)');
    await answer('');
    expect(screen.getScreen()).toContain('(2019-11-01 19:00)');
    await answer('');
    screen.keypress('tab');
    await answer('Go の話');
    expect(screen.getScreen()).toContain('(DeNAさん主催のGolang勉強会です)');
    await answer('');
    await answer(''); // categories picked
    await answer(''); // new categories
    await answer(''); // tags picked
    await answer(''); // new tags
    await answer('from_page_prompted');
    await answer(''); // draft
    await answer(''); // write it
    expect(screen.getScreen()).toContain(
      '発表「[Go活用事例]安全運転支援サービスを支える運用サイト」（@suhirotaka さん）をセッションとして追加しますか？',
    );
    await answer('');
    screen.type('n');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(stdout()).toBe('content/blog/from_page_prompted.md\n');
    const post = read(dir, 'content/blog/from_page_prompted.md');
    expect(post).toContain('title = "【DeNA.go #3】Go の話"\ndate = 2019-11-01T19:00:00+09:00\n');
    expect(post).toContain('# 1. [Go活用事例]');
    expect(post).not.toContain('# 2.');
  });
});
