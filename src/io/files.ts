import { hostname } from 'node:os';
import path from 'node:path';
import type { FileSystem } from '../deps.js';
import { ConflictError, FileProblemError } from '../errors.js';
import type { Problem } from '../i18n/problems.js';
import { decodeText, iconvCommand } from './encoding.js';
import { exists } from './exists.js';
import { withSignalsHeld } from './signals.js';

export { exists };

/** How the file is named in messages (they are worded in the site's language when printed). */
export interface Shown {
  display: string;
}

export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An errno error of a file operation as a message about that file; anything else is passed on. */
function asFileProblem(error: unknown, make: (code: string) => Problem, shown: Shown): unknown {
  if (error instanceof FileProblemError) return error;
  const code = errnoOf(error);
  return code && /^E[A-Z]+$/.test(code) ? new FileProblemError(make(code), shown.display) : error;
}

/**
 * Replaces a file atomically: the new content goes to a temp file in the same folder (same mode),
 * is flushed, then renamed over the file; on any failure (a full disk, a read-only file system) the
 * temp file is removed, the file is as it was, and the error names the file and the cause.
 * (write-file-atomic does the same, but costs 15 ms to load and 5 ms a write on Node 20.)
 */
export async function writeFileAtomic(
  fs: FileSystem,
  file: string,
  data: string | Uint8Array | Iterable<string | Uint8Array>,
  shown: Shown = { display: file },
): Promise<void> {
  const temp = tempName(file);
  try {
    const mode = await fs.stat(file).then(
      (stat) => stat.mode & 0o7777,
      () => undefined,
    );
    await writeTemp(fs, temp, data);
    try {
      if (mode !== undefined) await fs.chmod(temp, mode);
      await fs.fsync(temp);
      await fs.rename(temp, file);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw asFileProblem(error, (code) => ({ id: 'writeFailed', code }), shown);
  }
}

/**
 * Writes a new temp file; a write that fails half-way (ENOSPC) takes the half-written file away again.
 * Pieces (a report of a million findings is more than one string holds) are appended about 1 MB at a time.
 */
async function writeTemp(
  fs: FileSystem,
  temp: string,
  data: string | Uint8Array | Iterable<string | Uint8Array>,
): Promise<void> {
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await fs.writeFile(temp, data, { flag: 'wx' });
      return;
    }
    // Pieces are written in batches of about 1 MB: one write per piece would open the file thousands of times.
    let flag = 'wx';
    let batch: Uint8Array[] = [];
    let size = 0;
    const flush = async () => {
      await fs.writeFile(temp, Buffer.concat(batch), { flag });
      flag = 'a';
      batch = [];
      size = 0;
    };
    for (const piece of data) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      batch.push(bytes);
      size += bytes.length;
      if (size >= 1 << 20) await flush();
    }
    await flush();
  } catch (error) {
    // 'wx' failing with EEXIST means the name was someone else's: only a file we opened is ours to remove.
    if (errnoOf(error) !== 'EEXIST') await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

function tempName(file: string): string {
  // Unique enough with the pid; the temp file is opened with 'wx', so a clash fails instead of sharing it.
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
}

/**
 * Creates a file that must not exist yet: the whole content goes to a temp file in the same folder,
 * which is then hard-linked into place (an atomic create that fails if the name is taken).
 */
export async function createFile(
  fs: FileSystem,
  file: string,
  data: string | Uint8Array,
  display: string,
): Promise<void> {
  const temp = tempName(file);
  try {
    await writeTemp(fs, temp, data);
    try {
      await fs.fsync(temp);
      await fs.link(temp, file);
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') throw new ConflictError((m) => m.input.exists, display);
      if (errnoOf(error) !== 'EPERM' && errnoOf(error) !== 'ENOTSUP' && errnoOf(error) !== 'EXDEV') throw error;
      // No hard links on this file system: check, then rename (a narrow race, but never a half file).
      if (await exists(fs, file)) throw new ConflictError((m) => m.input.exists, display);
      await fs.rename(temp, file);
    } finally {
      await fs.unlink(temp).catch(() => undefined);
    }
  } catch (error) {
    throw asFileProblem(error, (code) => ({ id: 'writeFailed', code }), { display });
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

function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of `target` (or of where it would be created: its nearest existing folder's real path). */
async function realPathOf(fs: FileSystem, target: string): Promise<string> {
  for (let existing = target; ; existing = path.dirname(existing)) {
    // A name that is missing, or a dangling link, is looked at from its folder.
    const real = await fs.realpath(existing).catch(() => undefined);
    if (real !== undefined || path.dirname(existing) === existing)
      return path.join(real ?? existing, path.relative(existing, target));
  }
}

/** Throws unless `target`, once links are followed, stays inside `root` (which need not exist yet). */
export async function assertInside(fs: FileSystem, root: string, target: string, display: string): Promise<void> {
  const real = await realPathOf(fs, target);
  if (!isInside(await realPathOf(fs, root), real)) throw new FileProblemError({ id: 'outsideSite', real }, display);
}

/** A folder a file may lie in: as named (absolute) and its real path. */
export interface Folder {
  dir: string;
  real: string;
}

/**
 * The folders a file may lie in (a site's content folders), each with its real path; one whose real
 * path is not inside the site's own real root is left out, so a linked folder cannot bring in the outside.
 */
export async function realFolders(fs: FileSystem, root: string, dirs: string[]): Promise<Folder[]> {
  const realRoot = await fs.realpath(root);
  const folders: Folder[] = [];
  for (const name of dirs) {
    const dir = path.resolve(root, name);
    const real = await fs.realpath(dir).catch(() => undefined);
    if (real && isInside(realRoot, real)) folders.push({ dir, real });
  }
  return folders;
}

/** A post opened for an edit: its bytes as read, to tell later whether someone changed it. */
export interface EditTarget extends Shown {
  /** The path as named (it may be a symbolic link, which stays one). */
  file: string;
  /** The real path: what is read, locked and replaced. */
  real: string;
  text: string;
  bytes: Buffer;
}

/**
 * Posts are read whole (to lint or edit): more than this is no blog post, and is refused rather than held in memory.
 */
export const MAX_POST_BYTES = 64 * 1024 * 1024;

/**
 * Opens a file for an edit, or says why it cannot be edited: it must exist, be a regular file
 * whose real path lies inside one of `folders` (real paths, from `realFolders`), and be UTF-8.
 */
export async function openForEdit(fs: FileSystem, file: string, folders: Folder[], shown: Shown): Promise<EditTarget> {
  const fail = (problem: Problem) => new FileProblemError(problem, shown.display);
  let real: string;
  let bytes: Buffer;
  try {
    real = await fs.realpath(file);
    if (!folders.some((folder) => isInside(folder.real, real) && real !== folder.real)) {
      // Named inside a content folder but real elsewhere: a symbolic link leads out.
      const linkedOut = folders.some((folder) => isInside(folder.dir, path.resolve(file)));
      throw fail(
        linkedOut
          ? { id: 'outsideSite', real }
          : { id: 'notInContent', dirs: folders.map((folder) => folder.dir).join(', ') },
      );
    }
    const stat = await fs.stat(real);
    if (stat.isDirectory()) throw fail({ id: 'unreadable', code: 'EISDIR' });
    if (!stat.isFile()) throw fail({ id: 'notAFile' });
    if (stat.size > MAX_POST_BYTES) throw fail({ id: 'tooLarge', size: stat.size, limit: MAX_POST_BYTES });
    bytes = await fs.readFile(real);
  } catch (error) {
    throw asFileProblem(error, (code) => ({ id: 'unreadable', code }), shown);
  }
  const decoded = decodeText(bytes);
  if ('failure' in decoded) {
    if (decoded.failure === 'binary') throw fail({ id: 'binary' });
    throw fail(
      decoded.guess
        ? { id: 'notUtf8', guess: decoded.guess.name, command: iconvCommand(shown.display, decoded.guess) }
        : { id: 'notUtf8' },
    );
  }
  return { ...shown, file, real, text: decoded.text, bytes };
}

/** Another meetup-note holds a post's lock for milliseconds; past this, it is said, not waited for. */
const LOCK_WAIT_MS = 5_000;
/** A lock older than this was left by a process that died (an edit holds it for milliseconds). */
const LOCK_STALE_MS = 30_000;

export function lockFileOf(real: string): string {
  return path.join(path.dirname(real), `.${path.basename(real)}.meetup-note.lock`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

/** True when the lock was left by a process that is gone (same host), or is older than any edit takes. */
async function isStale(fs: FileSystem, lock: string, host: string): Promise<boolean> {
  try {
    const [pid, owner] = (await fs.readFile(lock, 'utf8')).split('\n');
    if (owner === host && Number(pid) > 0 && !processAlive(Number(pid))) return true;
    return Date.now() - (await fs.stat(lock)).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false; // gone meanwhile: the next try takes it
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock of a post between meetup-note's own writers: a file beside the post created with
 * O_EXCL ('wx'), holding the pid and host; a stale one (its process gone) is taken over. Returns
 * the release. proper-lockfile does the same with mkdir, but would bypass the injected file system
 * that the fault-injection tests go through.
 */
export async function acquireLock(
  fs: FileSystem,
  target: Pick<EditTarget, 'real' | 'display'>,
): Promise<() => Promise<void>> {
  const lock = lockFileOf(target.real);
  const host = hostname();
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await fs.writeFile(lock, `${process.pid}\n${host}\n`, { flag: 'wx' });
      return () => fs.unlink(lock).catch(() => undefined);
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') {
        await fs.unlink(lock).catch(() => undefined);
        throw asFileProblem(error, (code) => ({ id: 'writeFailed', code }), target);
      }
    }
    if (await isStale(fs, lock, host)) {
      await fs.unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new FileProblemError({ id: 'locked', lock }, target.display);
    await sleep(15 + Math.random() * 30);
  }
}

/**
 * Where meetup-note notes what it last wrote to each post (outside the blog), to tell its own writes from an editor's.
 */
export interface WriteJournal {
  wrote(real: string, data: string): Promise<void>;
  isOurs(real: string, bytes: Buffer): Promise<boolean>;
}

export interface Commit {
  target: EditTarget;
  /** The whole new text, planned on `target.text`. */
  text: string;
  /**
   * Plans the same change again on the text another meetup-note wrote meanwhile (a talk added by a
   * second add-session); undefined when it cannot (the talk it was for is gone).
   */
  replan?: (text: string) => Promise<string | undefined> | string | undefined;
}

/**
 * Writes an edit under the post's lock: re-reads the post, and writes the planned text if it is
 * unchanged; if another meetup-note wrote it meanwhile, the change is planned again on the new
 * text, so both land; any other change (an editor) stops the edit. Returns the text written.
 */
export function commitEdit(fs: FileSystem, journal: WriteJournal | undefined, commit: Commit): Promise<string> {
  return withSignalsHeld(() => commitHeld(fs, journal, commit));
}

async function commitHeld(fs: FileSystem, journal: WriteJournal | undefined, commit: Commit): Promise<string> {
  const { target } = commit;
  const changed = () => new FileProblemError({ id: 'changed' }, target.display);
  const release = await acquireLock(fs, target);
  try {
    const current = await fs.readFile(target.real).catch(() => undefined);
    let data = commit.text;
    if (!current?.equals(target.bytes)) {
      if (!current || !commit.replan || !(await journal?.isOurs(target.real, current))) throw changed();
      const decoded = decodeText(current);
      const again = 'text' in decoded ? await commit.replan(decoded.text) : undefined;
      if (again === undefined) throw changed();
      data = again;
    }
    await writeFileAtomic(fs, target.real, data, target);
    await journal?.wrote(target.real, data).catch(() => undefined);
    return data;
  } finally {
    await release();
  }
}
