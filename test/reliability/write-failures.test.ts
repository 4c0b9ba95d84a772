import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addQaCommand, addSessionCommand } from '../../src/commands/add-session.js';
import { lintCommand } from '../../src/commands/lint.js';
import { newCommand } from '../../src/commands/new.js';
import { renameCommand } from '../../src/commands/tags.js';
import type { FileSystem } from '../../src/deps.js';
import { runCli } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { EXAMPLE_SITE, tempDir } from '../helpers/site.js';
import { POST, type Step, failingFs, filesBelow, smallSite } from './helpers.js';

const ERRNOS = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EIO'];
const EDIT_STEPS: Step[] = ['lock', 'writeTemp', 'chmod', 'fsync', 'rename'];

/** Runs a command in process; a thrown error counts as exit 2 with its message, as `run` maps it. */
async function attempt(run: () => Promise<number>): Promise<{ code: number; message: string }> {
  try {
    return { code: await run(), message: '' };
  } catch (error) {
    return { code: 2, message: (error as Error).message };
  }
}

const EDITS: {
  name: string;
  run: (fs: FileSystem, dir: string) => { go: () => Promise<number>; stderr: () => string };
}[] = [
  {
    name: 'add-session',
    run: (fs, dir) => {
      const { deps, stderr } = testDeps({ cwd: dir, fs, env: { XDG_CACHE_HOME: tempDir() } });
      return {
        go: () =>
          addSessionCommand('content/posts/a.md', { title: 'Typed talk', speaker: ['Hanako'], yes: true }, deps),
        stderr,
      };
    },
  },
  {
    name: 'add-qa',
    run: (fs, dir) => {
      const { deps, stderr } = testDeps({ cwd: dir, fs, env: { XDG_CACHE_HOME: tempDir() } });
      return {
        go: () =>
          addQaCommand('content/posts/a.md', { session: '1', question: ['Typed question?'], answer: ['yes'] }, deps),
        stderr,
      };
    },
  },
  {
    name: 'tags rename',
    run: (fs, dir) => {
      const { deps, stderr } = testDeps({ cwd: dir, fs, env: { XDG_CACHE_HOME: tempDir() } });
      return { go: () => renameCommand('golang', 'Go', {}, deps), stderr };
    },
  },
  {
    name: 'lint --fix',
    run: (fs, dir) => {
      const { deps, stderr } = testDeps({ cwd: dir, fs, env: { XDG_CACHE_HOME: tempDir() } });
      return { go: () => lintCommand([], { fix: true, color: false }, deps), stderr };
    },
  },
];

describe('a write that fails leaves the post byte-identical, no temp or lock file, and says why', () => {
  for (const edit of EDITS) {
    it(`${edit.name}: every step (lock, temp write, chmod, fsync, rename) with ${ERRNOS.join(', ')}`, async () => {
      for (const step of EDIT_STEPS) {
        for (const code of ERRNOS) {
          const dir = smallSite();
          // lint --fix has something to fix: the variant "golang" next to "Go" is not fixable, a duplicate is.
          writeFileSync(
            path.join(dir, 'content/posts/a.md'),
            POST.replace('tags = ["golang", "Go"]', 'tags = ["golang", "Go", "Go"]'),
          );
          const before = filesBelow(dir);
          const { go, stderr } = edit.run(failingFs(step, code), dir);
          const { code: exit, message } = await attempt(go);
          const said = `${message}\n${stderr()}`;
          expect(exit, `${edit.name} ${step} ${code}`).not.toBe(0);
          expect(said, `${edit.name} ${step} ${code}`).toContain(`could not be written`);
          expect(said).toContain(`(${code})`);
          expect(said).toContain('the file is as it was');
          expect(filesBelow(dir), `${edit.name} ${step} ${code}`).toEqual(before);
          if (edit.name === 'add-session')
            expect(stderr()).toContain(
              'What you entered was not saved; here it is, to paste or to run again:\n\n# 3. Typed talk\n\nSpeaker: ' +
                'Hanako\n',
            );
          if (edit.name === 'add-qa') expect(stderr()).toContain('Typed question?');
        }
      }
    });
  }

  it('new: the temp write, fsync or link failing leaves the site as it was (folders it made removed)', async () => {
    for (const step of ['writeTemp', 'fsync', 'link'] as Step[]) {
      for (const code of ERRNOS) {
        const dir = smallSite();
        const before = filesBelow(dir);
        const { deps } = testDeps({ cwd: dir, fs: failingFs(step, code) });
        const { code: exit, message } = await attempt(() => newCommand('fails', { title: 'T', yes: true }, deps));
        expect(exit).toBe(2);
        expect(message).toContain(`(${code})`);
        expect(filesBelow(dir), `${step} ${code}`).toEqual(before);
      }
    }
  });
});

/** A 512 KiB tmpfs: a real full disk. Mounting needs root (CI runs as root); elsewhere the test says so and skips. */
function smallDisk(): string | undefined {
  const dir = tempDir('meetup-note-tmpfs-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'ignore' });
  return mounted.status === 0 ? dir : undefined;
}

describe('a real full disk', () => {
  it('add-session on a full file system: message, section printed, post and folder as they were', async (context) => {
    const disk = smallDisk();
    if (!disk) {
      console.warn('skipped: mount -t tmpfs was refused (needs root)');
      context.skip();
      return;
    }
    try {
      const site = path.join(disk, 'site');
      mkdirSync(path.join(site, 'content/posts'), { recursive: true });
      writeFileSync(path.join(site, 'hugo.toml'), readFileSync(path.join(EXAMPLE_SITE, 'hugo.toml')));
      // 300 KB of post on a 512 KiB disk: the copy the atomic write needs does not fit.
      const post = `${POST}\n${'x'.repeat(99)}\n`.repeat(1).concat(`${'Notes. '.repeat(14)}\n`.repeat(3000));
      writeFileSync(path.join(site, 'content/posts/big.md'), post);
      const before = filesBelow(site);
      const result = await runCli(['add-session', 'content/posts/big.md', '--title', '満杯のディスク', '--yes'], {
        cwd: site,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('入力した内容は保存されていません');
      expect(result.stderr).toContain('# 3. 満杯のディスク');
      expect(result.stderr).toContain(
        'content/posts/big.md: 書き込めませんでした: ディスクがいっぱいです (ENOSPC)。ファイルは元のままです',
      );
      expect(result.stderr).not.toContain('unexpected');
      expect(filesBelow(site)).toEqual(before);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
