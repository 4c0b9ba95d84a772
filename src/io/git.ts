import { spawn } from 'node:child_process';

/**
 * Runs git in a folder with fixed arguments (pathspecs literal, paths unquoted); its stdout, or undefined
 * when git is missing, the folder is not a work tree, or git fails. Nothing from a blog becomes an option.
 */
export function runGit(cwd: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn('git', ['--literal-pathspecs', '-c', 'core.quotepath=off', ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
  });
}
