import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Which of these files git tracks (committed or staged): one `git ls-files` run in the site root over
 * the folders that hold them, started early so it runs while the terms are read. Undefined when the
 * site is not in a git work tree or git is missing: then nothing is reported as untracked.
 */
export function trackedFiles(root: string, files: string[], fallbackDirs: string[]): Promise<Set<string> | undefined> {
  if (files.length === 0) return Promise.resolve(new Set());
  const prefix = root + path.sep;
  const folders = [
    ...new Set(
      files.map((file) => {
        const folder = file.slice(0, file.lastIndexOf(path.sep));
        return folder.startsWith(prefix)
          ? folder.slice(prefix.length).split(path.sep).join('/')
          : path.relative(root, folder).split(path.sep).join('/') || '.';
      }),
    ),
  ];
  // Many folders (a whole-site run): list the site's folders instead of passing thousands of arguments.
  const pathspecs = folders.length > 500 ? fallbackDirs : folders;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const git = spawn(
      'git',
      ['--literal-pathspecs', '-c', 'core.quotepath=off', 'ls-files', '-z', '--cached', '--', ...pathspecs],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    git.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    git.on('error', () => resolve(undefined));
    git.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      const names = Buffer.concat(chunks).toString('utf8').split('\0').filter(Boolean);
      resolve(new Set(names.map((name) => prefix + name.split('/').join(path.sep))));
    });
  });
}
