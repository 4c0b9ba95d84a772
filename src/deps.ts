import * as fsp from 'node:fs/promises';
import type { Prompter } from './prompts/types.js';

/** The file operations the commands use; tests pass the real ones or a wrapper that injects faults. */
export type FileSystem = Pick<
  typeof fsp,
  'readFile' | 'writeFile' | 'open' | 'stat' | 'lstat' | 'readdir' | 'mkdir' | 'realpath' | 'rename' | 'link' | 'unlink' | 'rmdir'
> & {
  /** Replaces a file through a temp file in the same folder and a rename, keeping its mode. */
  writeFileAtomic(file: string, data: string | Buffer): Promise<void>;
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

export const nodeFileSystem: FileSystem = {
  readFile: fsp.readFile,
  writeFile: fsp.writeFile,
  open: fsp.open,
  stat: fsp.stat,
  lstat: fsp.lstat,
  readdir: fsp.readdir,
  mkdir: fsp.mkdir,
  realpath: fsp.realpath,
  rename: fsp.rename,
  link: fsp.link,
  unlink: fsp.unlink,
  rmdir: fsp.rmdir,
  writeFileAtomic: async (file, data) => {
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(file, data);
  },
};

export function nodeDeps(): Deps {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    now: () => new Date(),
    fs: nodeFileSystem,
    prompts: async () => {
      const { createInquirerPrompter } = await import('./prompts/inquirer.js');
      return createInquirerPrompter({ input: process.stdin, output: process.stderr });
    },
  };
}
