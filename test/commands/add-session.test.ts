import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addQaCommand, addSessionCommand } from '../../src/commands/add-session.js';
import { nodeFileSystem } from '../../src/deps.js';
import { CancelledError, InputError, UsageError } from '../../src/errors.js';
import { CANCEL, scriptedPrompter, testDeps } from '../helpers/deps.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';

/** The text that was inserted, given the file before and after (exactly one insertion). */
function insertion(before: string, after: string): { at: number; text: string } {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const text = after.slice(at, at + after.length - before.length);
  expect(after.slice(0, at) + after.slice(at + text.length)).toBe(before);
  return { at, text };
}

describe('add-session with flags', () => {
  it('appends talk 3 to the example post, as the example writes them', async () => {
    const dir = copySite('example');
    const before = read(dir, 'content/blog/denago_3.md');
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    const code = await addSessionCommand(
      'content/blog/denago_3.md',
      {
        title: '[LT] Goのテスト *入門*',
        speaker: ['@foo_bar', '山田 太郎'],
        affiliation: ['株式会社<例>'],
        slides: 'https://speakerdeck.com/foo/go-test',
        video: 'https://www.youtube.com/watch?v=abc',
        question: ['テーブル駆動テストは？', 'モックは？'],
        answer: ['使っています', ''],
        asker: ['@q', ''],
        yes: true,
      },
      deps,
    );
    expect(code).toBe(0);
    expect(stdout()).toBe('content/blog/denago_3.md\n');
    expect(stderr()).toBe('content/blog/denago_3.md にセッション 3「[LT] Goのテスト *入門*」を追加しました\n');
    const { text } = insertion(before, read(dir, 'content/blog/denago_3.md'));
    expect(text).toBe(`
# 3. [LT] Goのテスト *入門*

登壇者：@foo_bar さん\\
株式会社<例>

登壇者：山田 太郎 さん

[スライド](https://speakerdeck.com/foo/go-test)

[動画](https://www.youtube.com/watch?v=abc)

## Q&A

Q. テーブル駆動テストは？（@q さん）

A. 使っています

Q. モックは？

A.
`);
  });

  it('keeps CRLF, the BOM, the odd front matter and the missing final newline', async () => {
    const dir = copySite('session-posts');
    const before = read(dir, 'content/posts/crlf.md');
    const { deps } = testDeps({ cwd: dir });
    await addSessionCommand(
      'content/posts/crlf.md',
      { title: 'Second talk', speaker: ['Bob'], affiliation: ['ACME'], yes: true },
      deps,
    );
    const after = read(dir, 'content/posts/crlf.md');
    const { text } = insertion(before, after);
    expect(text).toBe('\r\n\r\n# 2. Second talk\r\n\r\nSpeaker: Bob (ACME)');
    expect(after.endsWith('Speaker: Bob (ACME)')).toBe(true);
  });

  it('puts the talk before the closing part (English site)', async () => {
    const dir = copySite('session-posts');
    const { deps } = testDeps({ cwd: dir });
    await addSessionCommand('content/posts/closing.md', { title: 'Third talk', yes: true }, deps);
    expect(read(dir, 'content/posts/closing.md')).toContain('more notes\n\n# 3. Third talk\n\n# Summary\n\nThanks!\n');
  });

  it('takes the most recently changed post and says so', async () => {
    const dir = copySite('example');
    const file = path.join(dir, 'content/blog/rust_tokyo_2026/index.md');
    utimesSync(path.join(dir, 'content/blog/denago_3.md'), new Date('2020-01-01'), new Date('2020-01-01'));
    utimesSync(file, new Date('2030-01-01'), new Date('2030-01-01'));
    const { deps, stderr } = testDeps({ cwd: path.join(dir, 'static') });
    await addSessionCommand(undefined, { title: 'async', yes: true }, deps);
    expect(stderr()).toContain('content/blog/rust_tokyo_2026/index.md に追加します（最後に更新された記事）');
    expect(read(dir, 'content/blog/rust_tokyo_2026/index.md')).toContain('\n# 2. async\n');
  });

  it('reads the talk from a TOML file, flags winning', async () => {
    const dir = copySite('example');
    writeFileSync(
      path.join(dir, 'talk.toml'),
      'title = "from file"\nslides = "https://example.com/s"\n[[speakers]]\nname = "@a"\naffiliation = ' +
        '"A"\n[[qa]]\nquestion = "q?"\nanswer = "a!"\n',
    );
    const { deps } = testDeps({ cwd: dir });
    await addSessionCommand('content/blog/denago_3.md', { from: 'talk.toml', title: 'from flag', yes: true }, deps);
    const text = read(dir, 'content/blog/denago_3.md');
    expect(text).toContain(
      '# 3. from flag\n\n登壇者：@a さん\\\nA\n\n[スライド](https://example.com/s)\n\n## Q&A\n\nQ. q?\n\nA. a!\n',
    );
  });

  it('reports a bad --from file with its line', async () => {
    const dir = copySite('example');
    writeFileSync(path.join(dir, 'talk.toml'), 'title = "x"\nspeaker = "typo"\n');
    const { deps } = testDeps({ cwd: dir });
    const error = (await addSessionCommand('content/blog/denago_3.md', { from: 'talk.toml' }, deps).catch(
      (e: unknown) => e,
    )) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.location).toBe('talk.toml:2:1');
    expect(error.message).toBe('"speaker" is not a session key; use title, speakers, slides, video, qa');
  });

  it.each([
    [{}, /^--title is required when not run in a terminal/],
    [{ title: 'x', slides: 'ftp://example.com/s' }, /^--slides: "ftp:\/\/example.com\/s" is not an http\(s\) URL/],
    [{ title: 'x', question: ['q'], answer: [] }, /^--question is given 1 times and --answer 0/],
    [{ title: 'x', speaker: ['a'], affiliation: ['A', 'B'] }, /^--affiliation is given 2 times but --speaker only 1/],
    [{ title: 'a\nb' }, /^--title: contains a line break/],
  ])('rejects %j and writes nothing', async (options, message) => {
    const dir = copySite('session-posts');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir });
    const error = await addSessionCommand('content/posts/closing.md', options, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.each([
    [
      'content/posts/nofm.md',
      'content/posts/nofm.md',
      'has no front matter (+++ or --- on the first line); is it a post?',
    ],
    [
      'content/posts/broken.md',
      'content/posts/broken.md:2:17',
      'the front matter is not valid TOML: Unterminated string',
    ],
    ['content/posts/missing.md', 'content/posts/missing.md', 'no such post; give the path of a Markdown post'],
    [
      'content/posts/fence.md',
      'content/posts/fence.md:7:1',
      'a code block (```) or HTML comment (<!--) opened here is never closed, so the new text would be hidden in it; ' +
        'close it, then run again',
    ],
  ])('refuses %s with a clear message', async (file, location, message) => {
    const dir = copySite('session-posts');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir });
    const error = (await addSessionCommand(file, { title: 'x' }, deps).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.location).toBe(location);
    expect(error.message).toBe(message);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('prints the section with --dry-run and writes nothing', async () => {
    const dir = copySite('session-posts');
    const before = snapshotTree(dir);
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    await addSessionCommand('content/posts/closing.md', { title: 'Dry', dryRun: true }, deps);
    expect(stdout()).toBe('\n# 3. Dry\n');
    expect(stderr()).toBe('Would add talk 3 at line 19 of content/posts/closing.md (--dry-run):\n');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('stops when the post changed while the writer was typing, and shows what was typed', async () => {
    const dir = copySite('session-posts');
    const file = path.join(dir, 'content/posts/closing.md');
    const prompter = scriptedPrompter(['Saved elsewhere', '', '', '', false]);
    const typing = {
      ...prompter,
      input: async (question: Parameters<typeof prompter.input>[0]) => {
        const answer = await prompter.input(question);
        if (question.message === 'Video URL (empty: none)')
          writeFileSync(file, `${read(dir, 'content/posts/closing.md')}edited in the editor\n`);
        return answer;
      },
    };
    const { deps, stderr } = testDeps({ cwd: dir, prompter: typing });
    await expect(addSessionCommand('content/posts/closing.md', {}, deps)).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('changed on disk'),
    });
    expect(read(dir, 'content/posts/closing.md').endsWith('Thanks!\nedited in the editor\n')).toBe(true);
    expect(stderr()).toContain(
      'What you entered was not saved; here it is, to paste or to run again:\n\n# 3. Saved elsewhere\n',
    );
  });
});

describe('add-session with prompts', () => {
  it('asks for the talk, speakers, links and Q&A', async () => {
    const dir = copySite('session-posts');
    const prompter = scriptedPrompter([
      'Asked talk',
      '@ann',
      'ACME',
      true,
      '@bob',
      '',
      false,
      'https://example.com/slides',
      '',
      true,
      'Why?',
      'Because',
      '@carol',
      false,
    ]);
    const { deps } = testDeps({ cwd: dir, prompter });
    await addSessionCommand('content/posts/closing.md', {}, deps);
    expect(prompter.asked).toEqual([
      'Talk title',
      'Speaker (name or @handle; empty: none)',
      'Affiliation of @ann (empty: none)',
      'Another speaker?',
      'Speaker (name or @handle; empty: none)',
      'Affiliation of @bob (empty: none)',
      'Another speaker?',
      'Slides URL (empty: none)',
      'Video URL (empty: none)',
      'Add Q&A now?',
      'Question (empty: done)',
      'Answer (empty: none yet)',
      'Who asked (empty: skip)',
      'Another question?',
    ]);
    expect(read(dir, 'content/posts/closing.md')).toContain(
      '# 3. Asked talk\n\nSpeaker: @ann (ACME)\n\nSpeaker: @bob\n\n[Slides](https://example.com/slides)\n\n## ' +
        'Q&A\n\nQ. Why? (asked by @carol)\n\nA. Because\n\n# Summary',
    );
  });

  it('leaves the post untouched on Ctrl-C', async () => {
    const dir = copySite('session-posts');
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir, prompter: scriptedPrompter(['Talk', '@ann', CANCEL]) });
    await expect(addSessionCommand('content/posts/closing.md', {}, deps)).rejects.toBeInstanceOf(CancelledError);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('checks flags before asking anything', async () => {
    const dir = copySite('session-posts');
    const prompter = scriptedPrompter([]);
    const { deps } = testDeps({ cwd: dir, prompter });
    await expect(addSessionCommand('content/posts/closing.md', { slides: 'nope' }, deps)).rejects.toThrow(/^--slides:/);
    expect(prompter.asked).toEqual([]);
  });
});

describe('add-qa', () => {
  it('adds to the Q&A block of talk 1, not to talk 2', async () => {
    const dir = copySite('session-posts');
    const before = read(dir, 'content/posts/closing.md');
    const { deps, stderr } = testDeps({ cwd: dir });
    await addQaCommand(
      'content/posts/closing.md',
      { session: '1', question: ['late?'], answer: ['sure'], yes: true },
      deps,
    );
    insertion(before, read(dir, 'content/posts/closing.md'));
    expect(read(dir, 'content/posts/closing.md')).toContain(
      'Q. first?\n\nA. yes\n\nQ. late?\n\nA. sure\n\n# 2. Second talk\n',
    );
    expect(stderr()).toBe('Added 1 Q&A pair to talk 1 of content/posts/closing.md\n');
  });

  it('starts a Q&A block at the end of the last talk by default', async () => {
    const dir = copySite('session-posts');
    const { deps } = testDeps({ cwd: dir });
    await addQaCommand('content/posts/closing.md', { question: ['q1', 'q2'], answer: ['a1', 'a2'] }, deps);
    expect(read(dir, 'content/posts/closing.md')).toContain(
      'more notes\n\n## Q&A\n\nQ. q1\n\nA. a1\n\nQ. q2\n\nA. a2\n\n# Summary\n',
    );
  });

  it('asks for pairs on a terminal', async () => {
    const dir = copySite('session-posts');
    const prompter = scriptedPrompter(['asked?', 'answered', '', true, 'again?', 'yes', '', false]);
    const { deps } = testDeps({ cwd: dir, prompter });
    await addQaCommand('content/posts/closing.md', { session: '2' }, deps);
    expect(prompter.asked[0]).toBe('Question (empty: done)');
    expect(read(dir, 'content/posts/closing.md')).toContain(
      '## Q&A\n\nQ. asked?\n\nA. answered\n\nQ. again?\n\nA. yes\n\n# Summary',
    );
  });

  it('names the talks when --session is wrong, and needs pairs without a terminal', async () => {
    const dir = copySite('session-posts');
    const { deps } = testDeps({ cwd: dir });
    await expect(
      addQaCommand('content/posts/closing.md', { session: '5', question: ['q'], answer: ['a'] }, deps),
    ).rejects.toThrow('--session 5: content/posts/closing.md has talks 1, 2');
    await expect(addQaCommand('content/posts/closing.md', {}, deps)).rejects.toThrow(
      /^--question and --answer are required when not run in a terminal/,
    );
  });

  it('says how to start when the post has no talks', async () => {
    const dir = copySite('example');
    const { deps } = testDeps({ cwd: dir });
    writeFileSync(path.join(dir, 'content/blog/empty.md'), '+++\ntitle = "e"\n+++\n');
    await expect(addQaCommand('content/blog/empty.md', { question: ['q'], answer: ['a'] }, deps)).rejects.toThrow(
      /has no numbered talks \(# 1\. \.\.\.\); add one with `meetup-note add-session`/,
    );
  });

  it('survives a rename failure without touching the post', async () => {
    const dir = copySite('session-posts');
    const before = snapshotTree(dir);
    const failing = { ...nodeFileSystem, rename: async () => Promise.reject(new Error('EIO: i/o error')) };
    const { deps } = testDeps({ cwd: dir, fs: failing });
    await expect(addQaCommand('content/posts/closing.md', { question: ['q'], answer: ['a'] }, deps)).rejects.toThrow(
      'EIO',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('the report being written', () => {
  it('is the post the last `new` created, even after another command changed an older post', async () => {
    const dir = copySite('example');
    const env = { XDG_CACHE_HOME: tempDir() };
    const { newCommand } = await import('../../src/commands/new.js');
    expect(await newCommand('today', { title: '【今日】', yes: true }, testDeps({ cwd: dir, env }).deps)).toBe(0);
    // tags rename (or lint --fix) touches an older post afterwards: it is now the one changed last.
    writeFileSync(path.join(dir, 'content/blog/denago_3.md'), `${read(dir, 'content/blog/denago_3.md')}\n`);
    const { deps, stderr } = testDeps({ cwd: dir, env });
    expect(await addSessionCommand(undefined, { title: 'Talk', yes: true }, deps)).toBe(0);
    expect(stderr()).toContain('content/blog/today.md に追加します（meetup-note new で最後に作った記事）');
    expect(read(dir, 'content/blog/today.md')).toContain('# 1. Talk\n');
  });

  it('is else the newest draft by its front matter date', async () => {
    const dir = copySite('example');
    writeFileSync(
      path.join(dir, 'content/blog/old_draft.md'),
      '+++\ntitle = "old"\ndate = 2020-01-01\ndraft = true\n+++\n',
    );
    writeFileSync(
      path.join(dir, 'content/blog/new_draft.md'),
      '+++\ntitle = "new"\ndate = 2026-11-20T19:00:00+09:00\ndraft = true\n+++\n',
    );
    writeFileSync(
      path.join(dir, 'content/blog/old_draft.md'),
      '+++\ntitle = "old"\ndate = 2020-01-01\ndraft = true\n+++\n',
    ); // changed last
    const { deps, stderr } = testDeps({ cwd: dir, env: { XDG_CACHE_HOME: tempDir() } });
    expect(await addSessionCommand(undefined, { title: 'Talk', yes: true }, deps)).toBe(0);
    expect(stderr()).toContain('content/blog/new_draft.md に追加します（いちばん新しい下書き）');
  });

  it('on a terminal is asked first, the report being written as the default', async () => {
    const dir = copySite('example');
    const prompter = scriptedPrompter(['Talk', '', '', '', false]);
    const picked: string[] = [];
    const select = async <T>(question: { message: string; choices: { value: T; name?: string }[]; default?: T }) => {
      picked.push(question.message, ...question.choices.map((c) => c.name ?? ''));
      return question.default as T;
    };
    const { deps } = testDeps({
      cwd: dir,
      prompter: { ...prompter, select } as never,
      env: { XDG_CACHE_HOME: tempDir() },
    });
    expect(await addSessionCommand(undefined, {}, deps)).toBe(0);
    expect(picked[0]).toBe('どの記事に追加しますか？');
    expect(picked[1]).toMatch(/ {2}\(最後に更新\)$/);
  });
});

describe('add-qa on a terminal', () => {
  it('asks which talk, listing them, the last one as the default', async () => {
    const dir = copySite('example');
    const asked: string[] = [];
    const prompter = scriptedPrompter(['質問？', '回答', '', false]);
    const select = async <T>(question: { message: string; choices: { value: T; name?: string }[] }) => {
      asked.push(question.message, ...question.choices.map((c) => c.name ?? ''));
      return question.choices[0]!.value; // talk 1, not the default
    };
    const { deps } = testDeps({ cwd: dir, prompter: { ...prompter, select } as never });
    expect(await addQaCommand('content/blog/denago_3.md', {}, deps)).toBe(0);
    expect(asked).toEqual([
      'どのセッションに追加しますか？',
      '1. [Go活用事例]安全運転支援サービスを支える運用サイト',
      '2. WebシステムのパフォーマンスとGo',
    ]);
    const text = read(dir, 'content/blog/denago_3.md');
    expect(text.indexOf('質問？')).toBeLessThan(text.indexOf('# 2. '));
  });
});

describe('add-session --from a note taken elsewhere', () => {
  it('reads YAML or TOML front matter with gray-matter and puts the Markdown body under the talk', async () => {
    const dir = copySite('example');
    writeFileSync(
      path.join(dir, 'note.md'),
      '---\ntitle: スマホのメモ\nspeakers:\n  - name: 鈴木さん\n    affiliation: 例社\nqa:\n  - question: 速い？\n    answer: ' +
        '速い\n---\n\n- 要点: **型**\n',
    );
    writeFileSync(path.join(dir, 'note.toml.md'), '+++\ntitle = "TOML のメモ"\n+++\n本文\n');
    const { deps } = testDeps({ cwd: dir });
    expect(await addSessionCommand('content/blog/denago_3.md', { from: 'note.md', yes: true }, deps)).toBe(0);
    expect(await addSessionCommand('content/blog/denago_3.md', { from: 'note.toml.md', yes: true }, deps)).toBe(0);
    const text = read(dir, 'content/blog/denago_3.md');
    expect(text).toContain(
      '# 3. スマホのメモ\n\n登壇者：鈴木さん\\\n例社\n\n- 要点: **型**\n\n## Q&A\n\nQ. 速い？\n\nA. 速い\n',
    );
    expect(text).toContain('# 4. TOML のメモ\n\n本文\n');
  });

  it('never runs front matter that is code (gray-matter would eval ---js)', async () => {
    const dir = copySite('example');
    const marker = path.join(dir, 'pwned');
    writeFileSync(
      path.join(dir, 'evil.md'),
      `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "t") }\n---\nbody\n`,
    );
    const before = snapshotTree(dir);
    const { deps } = testDeps({ cwd: dir });
    await expect(addSessionCommand('content/blog/denago_3.md', { from: 'evil.md', yes: true }, deps)).rejects.toThrow(
      'a note starts with a line --- (YAML) or +++ (TOML)',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('names a bad key of the note, as for a TOML or JSON --from', async () => {
    const dir = copySite('example');
    writeFileSync(path.join(dir, 'note.md'), '---\ntitel: typo\n---\nbody\n');
    const { deps } = testDeps({ cwd: dir });
    await expect(addSessionCommand('content/blog/denago_3.md', { from: 'note.md', yes: true }, deps)).rejects.toThrow(
      '"titel" is not a session key; use title, speakers, slides, video, qa',
    );
  });
});
