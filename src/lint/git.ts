import { runGit } from '../io/git.js';
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
  return runGit(root, ['ls-files', '-z', '--cached', '--', ...pathspecs]).then((listing) => {
    if (!listing) return undefined;
    const names = listing.toString('utf8').split('\0').filter(Boolean);
    return new Set(names.map((name) => prefix + name.split('/').join(path.sep)));
  });
}
