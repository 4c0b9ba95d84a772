import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/deps.js';
import { ConflictError, FileProblemError } from '../../src/errors.js';
import {
  acquireLock,
  commitEdit,
  createFile,
  lockFileOf,
  openForEdit,
  realFolders,
  writeFileAtomic,
} from '../../src/io/files.js';
import { tempDir } from '../helpers/site.js';

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the mode of the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileAtomic(nodeFileSystem, file, 'new 日本語');
    expect(readFileSync(file, 'utf8')).toBe('new 日本語');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('leaves the file and no temp file behind when the rename fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, 'old');
    const failing = { ...nodeFileSystem, rename: () => Promise.reject(new Error('EXDEV')) };
    await expect(writeFileAtomic(failing, file, 'new')).rejects.toThrow('EXDEV');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['post.md']);
  });
});

describe('createFile', () => {
  it('creates a file that does not exist, and refuses one that does', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.md');
    await createFile(nodeFileSystem, file, 'first', 'new.md');
    await expect(createFile(nodeFileSystem, file, 'second', 'new.md')).rejects.toBeInstanceOf(ConflictError);
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['new.md']);
  });

  it('falls back to a checked rename where hard links are not supported', async () => {
    const dir = tempDir();
    const noLinks = {
      ...nodeFileSystem,
      link: () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })),
    };
    await createFile(noLinks, path.join(dir, 'a.md'), 'x', 'a.md');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('commitEdit', () => {
  it('writes only when the file still holds what was read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, 'v1');
    const target = await openForEdit(nodeFileSystem, file, await realFolders(nodeFileSystem, dir, ['.']), {
      display: 'post.md',
    });
    writeFileSync(file, 'v1 edited in the editor');
    await expect(commitEdit(nodeFileSystem, undefined, { target, text: 'ours' })).rejects.toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe('v1 edited in the editor');
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('refuses a file that is not UTF-8, naming its likely encoding', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x0a]));
    const opening = openForEdit(nodeFileSystem, file, await realFolders(nodeFileSystem, dir, ['.']), {
      display: 'post.md',
    });
    await expect(opening).rejects.toBeInstanceOf(FileProblemError);
    await expect(opening).rejects.toThrow(
      'this file is not UTF-8 (it looks like Shift_JIS); Hugo reads posts as UTF-8 and meetup-note left it ' +
        'unchanged. Convert it: iconv -f CP932 -t UTF-8 post.md > post.md.utf8 && mv post.md.utf8 post.md',
    );
  });
});

describe('acquireLock', () => {
  const target = (dir: string) => ({ real: path.join(dir, 'post.md'), display: 'post.md', language: 'en' as const });

  it('takes over a lock left by a process that is gone, and removes its own on release', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'post.md'), 'x');
    writeFileSync(lockFileOf(path.join(dir, 'post.md')), `999999999\n${hostname()}\n`);
    const release = await acquireLock(nodeFileSystem, target(dir));
    expect(readFileSync(lockFileOf(path.join(dir, 'post.md')), 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
    await release();
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('waits for a live lock, then says who holds it (5 s), leaving that lock alone', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'post.md'), 'x');
    const lock = lockFileOf(path.join(dir, 'post.md'));
    writeFileSync(lock, `${process.pid}\n${hostname()}\n`);
    const started = Date.now();
    await expect(acquireLock(nodeFileSystem, target(dir))).rejects.toThrow(
      `another meetup-note is writing this post and did not finish in time; try again (if none is running, remove ` +
        `${lock})`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
  }, 15_000);
});
