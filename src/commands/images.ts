/**
 * `images add`: phone photos into the report being written, made fit for the blog (images/photos.ts),
 * never overwriting a file; the references printed in the post's own style, or spliced into a talk.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Deps } from '../deps.js';
import { InputError, UsageError } from '../errors.js';
import { MESSAGES } from '../i18n/messages.js';
import { assertInside, createFile, makeDirs, removeCreated } from '../io/files.js';
import { displayPath } from '../io/paths.js';
import { withSignalsHeld } from '../io/signals.js';
import { type Photo, convertPhoto, photoName, photoReference, referenceStyle } from '../images/photos.js';
import { staticImageFolder } from '../post/new-post.js';
import { planTalkTextInsert } from '../post/sessions.js';
import { type TargetPost, outlineOf, planAgain, reportPicker, resolveTargetPost, writeEdit } from './post-target.js';

export interface ImagesAddOptions {
  cwd?: string;
  post?: string;
  session?: string;
  yes?: boolean;
  dryRun?: boolean;
}

/** The post's image folder and the URL its files are linked by: the page bundle, else new.imageDir for the post. */
export function imageFolderOf(
  target: Pick<TargetPost, 'real' | 'text' | 'site'>,
  file: string,
): { dir: string; url: string } {
  const { site } = target;
  if (/^_?index\.(md|markdown)$/i.test(path.basename(file))) return { dir: path.dirname(file), url: '' };
  const slug = path.basename(file, path.extname(file));
  // The date as written in the front matter (its own offset): the folder `new` made for the post.
  const written = /^date\s*[:=]\s*["']?(\d{4})-(\d{2})-(\d{2})/m.exec(target.text);
  const now = new Date();
  const date = written
    ? { yyyy: written[1]!, mm: written[2]!, dd: written[3]! }
    : { yyyy: String(now.getFullYear()), mm: String(now.getMonth() + 1).padStart(2, '0'), dd: '01' };
  const { imageDir, imageUrl } = staticImageFolder(site, slug, date);
  return { dir: imageDir, url: imageUrl };
}

/** Runs `work` on each item, at most `limit` at once; the results in the items' order, or the first failure. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

export function sizeOf(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function imagesAddCommand(files: string[], options: ImagesAddOptions, deps: Deps): Promise<number> {
  if (files.length === 0) throw new UsageError((m) => m.images.noFiles);
  const target = await resolveTargetPost(
    options.post,
    options.cwd,
    deps,
    reportPicker(deps, options.post, options.yes),
  );
  const { site } = target;
  const m = MESSAGES[site.language];
  if (target.picked) deps.stderr.write(`${m.pickedPost(target.display, target.picked)}\n`);
  const outline = outlineOf(target.text, target)?.outline;
  const session =
    options.session === undefined ? undefined : outline?.sessions.find((s) => s.number === Number(options.session));
  if (options.session !== undefined && !session) {
    const talks = outline?.sessions.map((s) => s.number).join(', ') ?? '';
    throw new UsageError((m) => m.input.noSuchTalk(String(options.session), target.display, talks));
  }
  const folder = imageFolderOf(target, target.real);
  const existing = new Set(deps.fs.listFolder(folder.dir) ?? []);
  const prompter = deps.interactive && !options.yes ? await deps.prompts() : undefined;

  // Every photo is read and made fit before anything is written: one that cannot be read writes nothing.
  const sources = files.map((given) => path.resolve(deps.cwd, given));
  const sizes: number[] = [];
  for (const source of sources) {
    const stat = await deps.fs.stat(source).catch(() => undefined);
    if (!stat?.isFile()) throw new InputError((m) => m.images.notAPhoto, displayPath(deps.cwd, source));
    sizes.push(stat.size);
  }
  // One photo per core at once: libvips encodes a WebP on one thread (bench/images.mjs: 1.0 core busy one by one).
  const converted = await inParallel(sources, availableParallelism(), async (source) => {
    try {
      return await convertPhoto(source, site.images);
    } catch (error) {
      const detail = String((error as Error).message).split('\n')[0]!;
      throw new InputError((m) => m.images.unreadable(detail), displayPath(deps.cwd, source));
    }
  });
  const photos: { source: string; name: string; photo: Photo; size: number; alt: string }[] = [];
  for (const [i, source] of sources.entries()) {
    const photo = converted[i]!;
    const name = photoName(source, photo.extension, (n) => existing.has(n) || photos.some((p) => p.name === n));
    const alt = prompter
      ? (await prompter.input({ message: m.images.askAlt(path.basename(source)), default: '' })).trim()
      : '';
    photos.push({ source, name, photo, size: sizes[i]!, alt });
  }

  const style = referenceStyle(target.text.slice(target.frontMatter.bodyStart));
  const references = photos.map(({ name, alt }) => photoReference(`${folder.url}${name}`, alt, style));
  for (const { source, name, photo, size } of photos) {
    const written = displayPath(deps.cwd, path.join(folder.dir, name));
    const line = m.images.converted(
      path.basename(source),
      written,
      `${photo.width}×${photo.height}`,
      sizeOf(size),
      sizeOf(photo.data.length),
    );
    deps.stderr.write(`${options.dryRun ? m.images.wouldWrite(line) : line}\n`);
  }
  if (options.dryRun) {
    deps.stdout.write(`${references.join('\n')}\n`);
    return 0;
  }

  // Ctrl-C is held back while writing: the photos and the edit complete, or nothing was written.
  return withSignalsHeld(async () => {
    // Inside the site by real path, each file created new (never over one), all removed again if one fails.
    await assertInside(deps.fs, site.root, folder.dir, displayPath(deps.cwd, folder.dir));
    const createdDirs = await makeDirs(deps.fs, folder.dir);
    const created: string[] = [];
    try {
      for (const { name, photo } of photos) {
        const file = path.join(folder.dir, name);
        await createFile(deps.fs, file, photo.data, displayPath(deps.cwd, file));
        created.push(file);
      }
    } catch (error) {
      for (const file of created) await deps.fs.unlink(file).catch(() => undefined);
      await removeCreated(deps.fs, createdDirs);
      throw error;
    }

    if (!session || !outline) {
      deps.stdout.write(`${references.join('\n')}\n`);
      return 0;
    }
    // Into the talk's own text, before its Q&A: the same locked, journaled splice as add-session.
    const lines = references.join('\n\n');
    const edit = planTalkTextInsert(target.text, outline, session, lines);
    await writeEdit(deps, target, edit, m, (text) => {
      const again = outlineOf(text, target)?.outline;
      const talk = again?.sessions.find((s) => s.number === session.number && s.title === session.title);
      return again && talk ? planAgain(() => planTalkTextInsert(text, again, talk, lines)) : undefined;
    });
    deps.stdout.write(`${target.display}\n`);
    deps.stderr.write(`${m.images.added(photos.length, session.number, target.display)}\n`);
    return 0;
  });
}
