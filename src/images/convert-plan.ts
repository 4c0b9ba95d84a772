/**
 * `images convert`, the pure part: which photos of a post need converting, and the edits that point every
 * reference to a converted photo at its new name. Data in, data out: the command reads the files and writes.
 */
import type { ImageSettings } from '../config/types.js';
import type { Fix } from '../post/edits.js';
import { fileOf } from '../lint/core.js';
import type { ResolvedImage } from '../lint/types.js';
import type { PhotoFacts } from './metadata.js';
import { outputFormat } from './photos.js';

/** The formats `convert` takes: what a phone or a screenshot tool writes. WebP, GIF and SVG are left as they are. */
const CONVERTIBLE = new Set<PhotoFacts['format']>(['jpeg', 'png', 'heif', 'tiff']);

/**
 * Whether a photo is worth converting: a JPEG, PNG, HEIC or TIFF, unless it is already in the site's format,
 * within its width and size, and without a location (converting it again would only lose quality).
 */
export function needsConverting(facts: PhotoFacts, size: number, settings: ImageSettings): boolean {
  if (!CONVERTIBLE.has(facts.format)) return false;
  const sameFormat = outputFormat(settings, facts.format) === facts.format;
  const fits = (facts.width ?? Number.POSITIVE_INFINITY) <= settings.maxWidth && size <= settings.maxBytes;
  return !(sameFormat && fits && !facts.gps);
}

/** A URL with its file name (the last path segment) replaced, written as the old one was (percent-encoded or not). */
export function withFileName(url: string, name: string): string {
  const cut = url.search(/[?#]/);
  const pathPart = cut === -1 ? url : url.slice(0, cut);
  const slash = pathPart.lastIndexOf('/');
  const old = pathPart.slice(slash + 1);
  const written = old.includes('%') ? encodeURIComponent(name) : name;
  return pathPart.slice(0, slash + 1) + written + (cut === -1 ? '' : url.slice(cut));
}

export interface RenamePlan {
  fixes: Fix[];
  /** References to a renamed photo that cannot be rewritten safely (written with escapes or entities). */
  unwritable: ResolvedImage[];
}

/**
 * The edits that point a post's references at the photos' new names (every form: Markdown, reference
 * definitions, `<img src>`, `srcset`, figure shortcodes, front matter). Only the file name changes; a
 * reference written with escapes is not rewritten but returned, so that its photo is left alone.
 */
export function planRenames(images: ResolvedImage[], renamed: ReadonlyMap<string, string>): RenamePlan {
  const fixes: Fix[] = [];
  const unwritable: ResolvedImage[] = [];
  const planned = new Set<number>();
  for (const image of images) {
    const file = fileOf(image);
    const name = file === undefined ? undefined : renamed.get(file);
    if (name === undefined) continue;
    const { ref } = image;
    // Several images can share one reference definition: one edit for its URL.
    if (planned.has(ref.urlStart)) continue;
    if (ref.raw !== ref.url) {
      unwritable.push(image);
      continue;
    }
    planned.add(ref.urlStart);
    fixes.push({ start: ref.urlStart, end: ref.urlEnd, text: withFileName(ref.url, name) });
  }
  return { fixes, unwritable };
}
