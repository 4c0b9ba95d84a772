import * as fs from 'node:fs';
import { isatty } from 'node:tty';
import type * as fsp from 'node:fs/promises';
import { sanitize, sanitizeKeepingColor } from './io/sanitize.js';
import type { Prompter } from './prompts/types.js';

/** The file operations the commands use; tests pass the real ones or a wrapper that injects faults. */
export type FileSystem = Pick<
  typeof fsp,
  | 'readFile'
  | 'writeFile'
  | 'stat'
  | 'lstat'
  | 'readdir'
  | 'mkdir'
  | 'realpath'
  | 'rename'
  | 'link'
  | 'unlink'
  | 'rmdir'
  | 'chmod'
> & {
  /** Flushes a file's data to the disk, so a rename that follows cannot leave an empty file after a crash. */
  fsync(file: string): Promise<void>;
  /** A folder's names, or undefined when it cannot be listed: lint's file index asks synchronously (file-index.ts). */
  listFolder(dir: string): string[] | undefined;
  /** Bytes of a file at an offset, and its size; lint's photo rules read a photo's head synchronously. */
  readSlice(file: string, offset: number, length: number): { bytes: Uint8Array; size: number } | undefined;
  /** A file's size and mtime, or undefined; synchronous, as readSlice. */
  statSync(file: string): { size: number; mtimeMs: number } | undefined;
};

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Deps {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Prompts are shown only when this is true (stdin and stderr are terminals). */
  interactive: boolean;
  now: () => Date;
  fs: FileSystem;
  /** Loaded on first use, so commands that never ask do not pay for the prompt library. */
  prompts: () => Promise<Prompter>;
}

/**
 * Node's synchronous calls behind the promise interface: a CLI has nothing else to do meanwhile, and
 * on Node 20 a promise-based readFile costs about 15 times a readFileSync (measured: 0.65 ms against
 * 0.04 ms), which adds up on every commit and over thousands of posts.
 */
function sync<F extends (...args: never[]) => unknown>(call: F): (...args: Parameters<F>) => Promise<ReturnType<F>> {
  return (...args) => {
    try {
      return Promise.resolve(call(...args) as ReturnType<F>);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

/** A slice of a file, read synchronously (photo heads for lint: a few syscalls, no promise per photo). */
export function readSliceSync(
  file: string,
  offset: number,
  length: number,
): { bytes: Uint8Array; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const { size } = fs.fstatSync(fd);
    const bytes = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
    const read = bytes.length ? fs.readSync(fd, bytes, 0, bytes.length, offset) : 0;
    return { bytes: bytes.subarray(0, read), size };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A folder's names, or undefined when it cannot be listed (lint's file index, on any thread). */
export function listFolderSync(dir: string): string[] | undefined {
  try {
    return fs.readdirSync(dir);
  } catch {
    return undefined;
  }
}

export const nodeFileSystem: FileSystem = {
  readFile: sync(fs.readFileSync) as unknown as FileSystem['readFile'],
  writeFile: sync(fs.writeFileSync) as unknown as FileSystem['writeFile'],
  stat: sync(fs.statSync) as unknown as FileSystem['stat'],
  lstat: sync(fs.lstatSync) as unknown as FileSystem['lstat'],
  readdir: sync(fs.readdirSync) as unknown as FileSystem['readdir'],
  mkdir: sync(fs.mkdirSync) as unknown as FileSystem['mkdir'],
  realpath: sync(fs.realpathSync) as unknown as FileSystem['realpath'],
  rename: sync(fs.renameSync) as unknown as FileSystem['rename'],
  link: sync(fs.linkSync) as unknown as FileSystem['link'],
  unlink: sync(fs.unlinkSync) as unknown as FileSystem['unlink'],
  rmdir: sync(fs.rmdirSync) as unknown as FileSystem['rmdir'],
  chmod: sync(fs.chmodSync) as unknown as FileSystem['chmod'],
  readSlice: readSliceSync,
  statSync: (file) => fs.statSync(file, { throwIfNoEntry: false }),
  listFolder: listFolderSync,
  fsync: sync((file: string) => {
    const fd = fs.openSync(file, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }),
};

/**
 * process.stdout and friends are made on first use (a stream each, with their modules): only then.
 * A reader that goes away (`meetup-note lint | head`) is not an error: the rest of the output is dropped.
 */
function lazyOutput(
  get: () => NodeJS.WriteStream,
  fd: number,
  clean: (text: string, tty: boolean) => string,
): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  let tty: boolean | undefined;
  return {
    write: (raw: string) => {
      if (closed) return false;
      tty ??= isatty(fd);
      const text = clean(raw, tty);
      if (!stream) {
        stream = get();
        stream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE') throw error;
          closed = true;
        });
      }
      return stream.write(text);
    },
    get isTTY() {
      return isatty(fd);
    },
  };
}

export function nodeDeps(): Deps {
  return {
    cwd: process.cwd(),
    env: process.env,
    get stdin() {
      return process.stdin;
    },
    // Messages for people are always made safe; stdout is data (JSON, a post) unless it is a terminal,
    // and there only our own colours pass (formatters sanitize what they colour).
    stdout: lazyOutput(
      () => process.stdout,
      1,
      (text, tty) => (tty ? sanitizeKeepingColor(text) : text),
    ),
    stderr: lazyOutput(
      () => process.stderr,
      2,
      (text) => sanitize(text),
    ),
    interactive: isatty(0) && isatty(2),
    now: () => new Date(),
    fs: nodeFileSystem,
    prompts: async () => {
      const { createInquirerPrompter } = await import('./prompts/inquirer.js');
      return createInquirerPrompter({ input: process.stdin, output: process.stderr });
    },
  };
}
