import path from 'node:path';
import type { FileSystem } from '../deps.js';
import { ConflictError, InputError } from '../errors.js';

/** The bytes of a file as we read them, to tell later whether someone changed it. */
export interface Snapshot {
  file: string;
  bytes: Buffer;
}

export async function readSnapshot(fs: FileSystem, file: string): Promise<{ text: string; snapshot: Snapshot }> {
  const bytes = await fs.readFile(file);
  return { text: bytes.toString('utf8'), snapshot: { file, bytes } };
}

/** Throws when the file no longer holds the bytes we read (the writer saved it in an editor meanwhile). */
export async function assertUnchanged(fs: FileSystem, snapshot: Snapshot, display: string): Promise<void> {
  let now: Buffer | undefined;
  try {
    now = await fs.readFile(snapshot.file);
  } catch {
    now = undefined;
  }
  if (!now || !now.equals(snapshot.bytes)) {
    throw new ConflictError(`the file changed on disk while meetup-note was working on it; nothing was written. Run the command again on the saved file`, display);
  }
}

/**
 * Replaces a file atomically: the new content goes to a temp file in the same folder (same mode),
 * is flushed, then renamed over the file; on any failure the temp file is removed and the file is
 * as it was. (write-file-atomic does the same, but costs 15 ms to load and 5 ms a write on Node 20.)
 */
export async function writeFileAtomic(fs: FileSystem, file: string, data: string): Promise<void> {
  const temp = tempName(file);
  const mode = await fs.stat(file).then((stat) => stat.mode & 0o7777, () => undefined);
  await fs.writeFile(temp, data, { flag: 'wx' });
  try {
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.fsync(temp);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Replaces a file we read earlier, atomically, unless it changed since. */
export async function replaceFile(fs: FileSystem, snapshot: Snapshot, data: string, display: string): Promise<void> {
  await assertUnchanged(fs, snapshot, display);
  await writeFileAtomic(fs, snapshot.file, data);
}

function tempName(file: string): string {
  // Unique enough with the pid; the temp file is opened with 'wx', so a clash fails instead of sharing it.
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Creates a file that must not exist yet: the whole content goes to a temp file in the same folder,
 * which is then hard-linked into place (an atomic create that fails if the name is taken).
 */
export async function createFile(fs: FileSystem, file: string, data: string, display: string): Promise<void> {
  const temp = tempName(file);
  await fs.writeFile(temp, data, { flag: 'wx' });
  try {
    await fs.fsync(temp);
    await fs.link(temp, file);
  } catch (error) {
    if (code(error) === 'EEXIST') throw new ConflictError('already exists; pass --force to overwrite it', display);
    if (code(error) !== 'EPERM' && code(error) !== 'ENOTSUP' && code(error) !== 'EXDEV') throw error;
    // No hard links on this file system: check, then rename (a narrow race, but never a half file).
    if (await exists(fs, file)) throw new ConflictError('already exists; pass --force to overwrite it', display);
    await fs.rename(temp, file);
    return;
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

export async function exists(fs: FileSystem, file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Creates a folder and its missing parents; returns those it created, deepest first, to undo with `removeCreated`. */
export async function makeDirs(fs: FileSystem, dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = dir; !(await exists(fs, current)); current = path.dirname(current)) {
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  await fs.mkdir(dir, { recursive: true });
  return missing;
}

/** Removes folders created by `makeDirs` if they are still empty. */
export async function removeCreated(fs: FileSystem, dirs: string[]): Promise<void> {
  for (const dir of dirs) await fs.rmdir(dir).catch(() => undefined);
}

/** Throws unless `target`, once links are followed, stays inside `root`. */
export async function assertInside(fs: FileSystem, root: string, target: string, display: string): Promise<void> {
  const realRoot = await fs.realpath(root);
  let existing = target;
  while (!(await exists(fs, existing))) existing = path.dirname(existing);
  const real = path.join(await fs.realpath(existing), path.relative(existing, target));
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new InputError(`this path leads outside the site (to ${real}) through a symbolic link; nothing was written`, display);
  }
}
