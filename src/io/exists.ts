import type { FileSystem } from '../deps.js';

// Its own module: config reading needs it, and must not load the edit machinery of files.ts at start-up.
/**
 * True when the name is taken. By default a link counts as itself (a dangling link still takes the name a
 * new file would get); `follow` asks whether what it leads to exists (a config file may be a link).
 */
export async function exists(fs: FileSystem, file: string, follow = false): Promise<boolean> {
  try {
    await (follow ? fs.stat(file) : fs.lstat(file));
    return true;
  } catch {
    return false;
  }
}
