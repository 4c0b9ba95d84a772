import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/deps.js';
import { ConflictError } from '../../src/errors.js';
import { createFile, readSnapshot, replaceFile, writeFileAtomic } from '../../src/io/files.js';
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
    const noLinks = { ...nodeFileSystem, link: () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })) };
    await createFile(noLinks, path.join(dir, 'a.md'), 'x', 'a.md');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('replaceFile', () => {
  it('writes only when the file still holds what was read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.md');
    writeFileSync(file, 'v1');
    const { snapshot } = await readSnapshot(nodeFileSystem, file);
    writeFileSync(file, 'v1 edited in the editor');
    await expect(replaceFile(nodeFileSystem, snapshot, 'ours', 'post.md')).rejects.toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe('v1 edited in the editor');
  });
});
