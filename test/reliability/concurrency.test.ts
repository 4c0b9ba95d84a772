import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSessionCommand } from '../../src/commands/add-session.js';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter, testDeps } from '../helpers/deps.js';
import { tempDir } from '../helpers/site.js';
import { POST, filesBelow, smallSite } from './helpers.js';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('meetup-note writers on one post at once never lose each other', () => {
  it('50 pairs of add-session: both talks land in turn, or the loser exits non-zero with its section', async () => {
    const dir = smallSite();
    const file = path.join(dir, 'content/posts/a.md');
    const cache = tempDir('meetup-note-cache-');
    let replanned = 0;
    for (let i = 0; i < 50; i++) {
      writeFileSync(file, POST);
      const [a, b] = await Promise.all(
        ['A', 'B'].map((who) =>
          runCli(['add-session', 'content/posts/a.md', '--title', `${who}${i}`, '--yes'], {
            cwd: dir,
            env: { XDG_CACHE_HOME: cache },
          }),
        ),
      );
      const text = readFileSync(file, 'utf8');
      for (const [who, result] of [
        ['A', a!],
        ['B', b!],
      ] as const) {
        if (result.code === 0) expect(count(text, `. ${who}${i}\n`), `${who}${i}\n${text}`).toBe(1);
        else expect(result.stderr).toContain(`# 3. ${who}${i}`);
      }
      if (a!.code === 0 && b!.code === 0) {
        replanned++;
        expect(text).toMatch(/# 3\. [AB]\d+\n[\s\S]*# 4\. [AB]\d+\n/);
      }
      expect(Object.keys(filesBelow(dir)).sort()).toEqual(['content/posts/a.md', 'hugo.toml']);
    }
    // Every pair wrote both talks here (the second writer built on the first's write).
    expect(replanned).toBe(50);
  }, 180_000);

  it('20 triples of add-session, add-qa and tags rename: each lands exactly once', async () => {
    const dir = smallSite();
    const file = path.join(dir, 'content/posts/a.md');
    const cache = tempDir('meetup-note-cache-');
    for (let i = 0; i < 20; i++) {
      writeFileSync(file, POST);
      const env = { XDG_CACHE_HOME: cache };
      const [session, qa, rename] = await Promise.all([
        runCli(['add-session', 'content/posts/a.md', '--title', `Talk${i}`, '--yes'], { cwd: dir, env }),
        runCli(['add-qa', 'content/posts/a.md', '--session', '1', '--question', `Question${i}?`, '--answer', 'yes'], {
          cwd: dir,
          env,
        }),
        runCli(['tags', 'rename', 'golang', 'Go'], { cwd: dir, env }),
      ]);
      const text = readFileSync(file, 'utf8');
      if (session!.code === 0) expect(count(text, `. Talk${i}\n`), text).toBe(1);
      else expect(session!.stderr).toContain(`Talk${i}`);
      if (qa!.code === 0) expect(count(text, `Question${i}?`), text).toBe(1);
      else expect(qa!.stderr).toContain(`Question${i}?`);
      if (rename!.code === 0) expect(text).toContain('tags = ["Go"]');
      // The Q&A went to talk 1, before talk 2.
      if (qa!.code === 0) expect(text.indexOf(`Question${i}?`)).toBeLessThan(text.indexOf('# 2. Second talk'));
      expect(Object.keys(filesBelow(dir)).sort()).toEqual(['content/posts/a.md', 'hugo.toml']);
      expect([session, qa, rename].every((r) => !r!.stderr.includes('unexpected'))).toBe(true);
    }
  }, 180_000);

  it(
    'an edit in an editor meanwhile still stops the edit (the journal knows only our own writes), with the section ' +
      'printed',
    async () => {
      const dir = smallSite();
      const file = path.join(dir, 'content/posts/a.md');
      const env = { XDG_CACHE_HOME: tempDir('meetup-note-cache-') };
      // An earlier meetup-note write puts the post in the journal.
      expect(
        await addSessionCommand(
          'content/posts/a.md',
          { title: 'Earlier', yes: true },
          testDeps({ cwd: dir, env }).deps,
        ),
      ).toBe(0);
      const prompter = scriptedPrompter(['Typed while the editor saved', '', '', '', false]);
      const typing = {
        ...prompter,
        input: async (question: Parameters<typeof prompter.input>[0]) => {
          const answer = await prompter.input(question);
          if (question.message === 'Video URL (empty: none)')
            writeFileSync(file, `${readFileSync(file, 'utf8')}edited in the editor\n`);
          return answer;
        },
      };
      const { deps, stderr } = testDeps({ cwd: dir, env, prompter: typing });
      await expect(addSessionCommand('content/posts/a.md', {}, deps)).rejects.toMatchObject({ kind: 'conflict' });
      expect(readFileSync(file, 'utf8').endsWith('# 3. Earlier\nedited in the editor\n')).toBe(true);
      expect(stderr()).toContain(
        'What you entered was not saved; here it is, to paste or to run again:\n\n# 4. Typed while the editor saved\n',
      );
    },
  );
});
