import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type FileSystem, nodeFileSystem } from '../../src/deps.js';
import { tempDir } from '../helpers/site.js';

/** A small English site: hugo.toml, one post with two talks and a Q&A block, and a static folder. */
export function smallSite(language: 'en' | 'ja' = 'en'): string {
  const dir = tempDir('meetup-note-rel-');
  writeFileSync(
    path.join(dir, 'hugo.toml'),
    `baseURL = "https://example.dev/"\nlanguageCode = "${language}"\ntitle = "t"\n`,
  );
  mkdirSync(path.join(dir, 'content', 'posts'), { recursive: true });
  mkdirSync(path.join(dir, 'static'), { recursive: true });
  writeFileSync(path.join(dir, 'content', 'posts', 'a.md'), POST);
  return dir;
}

export const POST = `+++
title = "Go meetup"
date = 2026-11-01T19:00:00+09:00
tags = ["golang", "Go"]
+++
Intro.

# 1. First talk

Speaker: Taro

## Q&A

- Q: why?
  - A: because

# 2. Second talk

Notes.
`;

/** Shift_JIS bytes of a post: 「日本語」 in the title and the body. */
export const SHIFT_JIS_POST = Buffer.concat([
  Buffer.from('+++\ntitle = "'),
  Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]),
  Buffer.from('"\ndate = 2026-11-01T19:00:00+09:00\ntags = ["golang"]\n+++\n'),
  Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4, 0x0a]),
  Buffer.from('# 1. Talk\n'),
]);

/** Every file below dir with its bytes, skipping nothing: temp and lock files left behind show up. */
export function filesBelow(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (entry.isSymbolicLink()) out[rel] = `-> link`;
      else out[rel] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}

export type Step = 'writeTemp' | 'chmod' | 'fsync' | 'rename' | 'lock' | 'link';

/**
 * The real file system with one write step failing with an errno: the temp file's write (after
 * half of it reached the disk, as a full disk does), its chmod or fsync, the rename over the post,
 * the lock file, or the hard link of a new file.
 */
export function failingFs(step: Step, code: string): FileSystem {
  const error = () => Object.assign(new Error(`${code}: injected`), { code });
  const isLock = (file: unknown) => String(file).endsWith('.meetup-note.lock');
  const isTemp = (file: unknown) => String(file).endsWith('.tmp');
  return {
    ...nodeFileSystem,
    writeFile: (async (file: string, data: string, options?: { flag?: string }) => {
      if (step === 'lock' && isLock(file)) throw error();
      if (step === 'writeTemp' && isTemp(file)) {
        await nodeFileSystem.writeFile(file, String(data).slice(0, String(data).length >> 1), options);
        throw error();
      }
      return nodeFileSystem.writeFile(file, data, options);
    }) as FileSystem['writeFile'],
    chmod: (async (file: string, mode: number) => {
      if (step === 'chmod' && isTemp(file)) throw error();
      return nodeFileSystem.chmod(file, mode);
    }) as FileSystem['chmod'],
    fsync: async (file: string) => {
      if (step === 'fsync' && isTemp(file)) throw error();
      return nodeFileSystem.fsync(file);
    },
    rename: (async (from: string, to: string) => {
      if (step === 'rename' && isTemp(from)) throw error();
      return nodeFileSystem.rename(from, to);
    }) as FileSystem['rename'],
    link: (async (from: string, to: string) => {
      if (step === 'link') throw error();
      return nodeFileSystem.link(from, to);
    }) as FileSystem['link'],
  };
}
