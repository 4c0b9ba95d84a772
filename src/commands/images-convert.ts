/**
 * `images convert`: the photos a post already shows (JPEG, PNG, HEIC, TIFF) made fit the way `images add` makes
 * them, and every reference to them rewritten. Order of writes, so that no reference ever points at nothing:
 * the new files first (all or none), then each post (one atomic, locked edit each), then the originals go.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { FileProblemError, InputError } from '../errors.js';
import { MESSAGES } from '../i18n/messages.js';
import { type EditTarget, assertInside, createFile } from '../io/files.js';
import { displayPath } from '../io/paths.js';
import { withSignalsHeld } from '../io/signals.js';
import { needsConverting, planRenames } from '../images/convert-plan.js';
import { type Photo, convertPhoto, photoName } from '../images/photos.js';
import { type AnalyzedPost, type SiteSnapshot, analyzePost, fileOf } from '../lint/core.js';
import { FileIndex } from '../lint/file-index.js';
import { PhotoIndex } from '../lint/photo-index.js';
import { applyFixes } from '../post/edits.js';
import { listPosts } from '../site/posts.js';
import { TermIndex } from '../site/terms.js';
import { inParallel, sizeOf } from './images.js';
import { commitJournaledEdit, openPost, reportPicker, resolveTargetPost } from './post-target.js';

export interface ImagesConvertOptions {
  cwd?: string;
  keep?: boolean;
  allPosts?: boolean;
  yes?: boolean;
  dryRun?: boolean;
}

/** A post that shows some of the photos: as read, and where each of its images points. */
interface ShowingPost {
  target?: EditTarget;
  file: string;
  display: string;
  analyzed: AnalyzedPost;
}

/** The site as lint sees it: which files exist and what the photos are. */
function snapshotOf(deps: Deps, site: SiteConfig): SiteSnapshot & { photos: PhotoIndex } {
  return {
    site,
    files: new FileIndex(deps.fs.listFolder),
    photos: new PhotoIndex(deps.fs.readSlice, deps.fs.statSync),
    terms: new TermIndex(),
    now: deps.now(),
  };
}

/**
 * The other posts of the site that show any of the photos. Every post is read into its model: a name can be
 * written in many ways (percent-encoded, with entities or escapes, in another case or Unicode form) that a
 * search of the text would miss, and a missed one would be left pointing at a removed file. (Measured on the
 * 1,000-post bench site: 0.3 s.)
 */
async function otherPostsShowing(
  deps: Deps,
  snapshot: SiteSnapshot,
  except: string,
  photos: string[],
): Promise<ShowingPost[]> {
  const { site } = snapshot;
  const wanted = new Set(photos);
  const showing: ShowingPost[] = [];
  for (const file of await listPosts(deps.fs, site.root, site.contentDirs)) {
    if (file === except) continue;
    const bytes = await deps.fs.readFile(file).catch(() => undefined);
    if (!bytes) continue;
    const analyzed = analyzePost(file, bytes, snapshot);
    if (analyzed.images.some((image) => wanted.has(fileOf(image) ?? ''))) {
      showing.push({ file, display: displayPath(deps.cwd, file), analyzed });
    }
  }
  return showing;
}

export async function imagesConvertCommand(
  post: string | undefined,
  options: ImagesConvertOptions,
  deps: Deps,
): Promise<number> {
  const target = await resolveTargetPost(post, options.cwd, deps, reportPicker(deps, post, options.yes));
  const { site } = target;
  const m = MESSAGES[site.language];
  if (target.picked) deps.stderr.write(`${m.images.convertingIn(target.display, target.picked)}\n`);
  const snapshot = snapshotOf(deps, site);
  const own: ShowingPost = {
    target,
    file: target.file,
    display: target.display,
    analyzed: analyzePost(target.file, target.text, snapshot),
  };
  const shown = (file: string) => displayPath(deps.cwd, file);

  // The photos worth converting: found on disk, inside the site, not yet fit.
  const chosen: string[] = [];
  for (const image of own.analyzed.images) {
    const file = fileOf(image);
    if (file === undefined || chosen.includes(file)) continue;
    const facts = snapshot.photos.facts(file);
    if (!facts || !needsConverting(facts, facts.bytes, site.images)) continue;
    await assertInside(deps.fs, site.root, file, shown(file));
    chosen.push(file);
  }
  const others = chosen.length ? await otherPostsShowing(deps, snapshot, target.file, chosen) : [];
  if (others.length && !options.allPosts) {
    const shared = chosen.find((file) => others.some((p) => p.analyzed.images.some((i) => fileOf(i) === file)))!;
    const posts = others.filter((p) => p.analyzed.images.some((i) => fileOf(i) === shared)).map((p) => p.display);
    throw new InputError((m) => m.images.alsoShownBy(posts.join(', ')), shown(shared));
  }
  const posts = [own, ...others];

  // A reference written with escapes or entities cannot be rewritten safely: its photo is left as it is.
  const placeholder = new Map(chosen.map((file) => [file, path.basename(file)]));
  for (const showing of posts) {
    for (const image of planRenames(showing.analyzed.images, placeholder).unwritable) {
      const file = fileOf(image)!;
      if (!placeholder.delete(file)) continue;
      const { line, column } = showing.analyzed.model.lines.position(image.ref.urlStart);
      deps.stderr.write(`${m.images.leftAsIs(shown(file), `${showing.display}:${line}:${column}`)}\n`);
    }
  }
  const photos = chosen.filter((file) => placeholder.has(file));
  if (photos.length === 0) {
    deps.stderr.write(`${m.images.nothingToConvert(target.display)}\n`);
    return 0;
  }

  // Converted in memory first (one photo per core); one that cannot be read is one message, the rest go on.
  let failed = 0;
  const results = await inParallel(photos, availableParallelism(), async (file) => {
    try {
      return await convertPhoto(file, site.images);
    } catch (error) {
      failed++;
      const detail = String((error as Error).message).split('\n')[0]!;
      deps.stderr.write(`meetup-note: ${shown(file)}: ${m.images.unreadable(detail)}\n`);
      return undefined;
    }
  });
  const renamed = new Map<string, string>();
  const outputs: ConvertedPhoto[] = [];
  for (const [i, source] of photos.entries()) {
    const photo = results[i];
    if (!photo) continue;
    const dir = path.dirname(source);
    // Case-blind: on macOS `IMG_1.JPG` and `img_1.jpg` are one file; the original itself is never overwritten.
    const taken = new Set((deps.fs.listFolder(dir) ?? []).map((name) => name.toLowerCase()));
    for (const other of outputs) if (path.dirname(other.file) === dir) taken.add(path.basename(other.file));
    const name = photoName(source, photo.extension, (n) => taken.has(n.toLowerCase()));
    renamed.set(source, name);
    outputs.push({ file: path.join(dir, name), source, photo });
    const size = snapshot.photos.facts(source)?.bytes ?? 0;
    const line = m.images.converted(
      path.basename(source),
      shown(path.join(dir, name)),
      `${photo.width}×${photo.height}`,
      sizeOf(size),
      sizeOf(photo.data.length),
    );
    deps.stderr.write(`${options.dryRun ? m.images.wouldWrite(line) : line}\n`);
  }
  const rewritten = posts.filter((showing) => planRenames(showing.analyzed.images, renamed).fixes.length);
  // None could be read: nothing to write (each said why).
  if (outputs.length === 0) return 1;
  if (options.dryRun) {
    for (const showing of rewritten) {
      const count = planRenames(showing.analyzed.images, renamed).fixes.length;
      deps.stderr.write(`${m.images.wouldRewrite(count, showing.display)}\n`);
    }
    return failed ? 1 : 0;
  }

  // Ctrl-C is held back from here: the writes below complete, or (before them) nothing was written.
  await withSignalsHeld(() => writeConversion(deps, snapshot, { outputs, renamed, posts: rewritten }, options.keep));
  return failed ? 1 : 0;
}

/** A photo made fit, in memory: where it goes, and the file it replaces. */
interface ConvertedPhoto {
  file: string;
  source: string;
  photo: Photo;
}

interface Conversion {
  outputs: ConvertedPhoto[];
  /** The new file name of each photo converted, by its path. */
  renamed: Map<string, string>;
  /** The posts whose references change. */
  posts: ShowingPost[];
}

/** The writes of a conversion: the new files (all or none), each post, then the originals (unless kept). */
async function writeConversion(
  deps: Deps,
  snapshot: SiteSnapshot,
  { outputs, renamed, posts }: Conversion,
  keep: boolean | undefined,
): Promise<void> {
  const { site } = snapshot;
  const m = MESSAGES[site.language];
  const created: string[] = [];
  try {
    for (const { file, photo } of outputs) {
      await createFile(deps.fs, file, photo.data, displayPath(deps.cwd, file));
      created.push(file);
    }
  } catch (error) {
    for (const file of created) await deps.fs.unlink(file).catch(() => undefined);
    throw error;
  }

  // Each post in one atomic edit, planned on the text opened for it (and again if another writer changes it).
  const rewrite = (file: string, text: string) => {
    const plan = planRenames(analyzePost(file, text, snapshot).images, renamed);
    return plan.unwritable.length ? undefined : { text: applyFixes(text, plan.fixes), count: plan.fixes.length };
  };
  let edited = 0;
  try {
    for (const showing of posts) {
      const editTarget = showing.target ?? (await openPost(deps, site, showing.file));
      const planned = rewrite(showing.file, editTarget.text);
      if (!planned) throw new FileProblemError({ id: 'changed' }, editTarget.display);
      await commitJournaledEdit(deps, {
        target: editTarget,
        text: planned.text,
        replan: (text) => rewrite(showing.file, text)?.text,
      });
      edited++;
      deps.stdout.write(`${showing.display}\n`);
      deps.stderr.write(`${m.images.rewrote(planned.count, showing.display)}\n`);
    }
  } catch (error) {
    if (edited === 0) for (const file of created) await deps.fs.unlink(file).catch(() => undefined);
    else deps.stderr.write(`${m.images.keptOriginals}\n`);
    throw error;
  }

  if (!keep) {
    for (const { source } of outputs) await deps.fs.unlink(source);
    deps.stderr.write(`${m.images.removedOriginals(outputs.length)}\n`);
  }
}
