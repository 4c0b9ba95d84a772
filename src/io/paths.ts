import path from 'node:path';

/** A path as the writer would type it from where they are: relative to the working directory, with `/`. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file)
    .split(path.sep)
    .join('/');
}
