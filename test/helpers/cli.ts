import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO, tempDir } from './site.js';

export const BIN = path.join(REPO, 'bin', 'meetup-note.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a process; stdin is closed unless input is given (then piped and ended). */
export function runCli(
  args: string[],
  options: { cwd: string; input?: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      // The term cache goes to a temp folder, not the user's ~/.cache.
      env: {
        ...process.env,
        NO_COLOR: '1',
        TZ: 'Asia/Tokyo',
        LANG: 'C',
        LC_ALL: 'C',
        XDG_CACHE_HOME: tempDir('meetup-note-cache-'),
        ...options.env,
      },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    if (options.input !== undefined) child.stdin!.end(options.input);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `meetup-note ${args.join(' ')} did not finish in ${(options.timeoutMs ?? 20_000) / 1000} s (waiting for ` +
            `input?)\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
