/**
 * Photos from a phone, made fit for a blog: upright (the EXIF orientation applied), no wider than the
 * site's maximum, in the site's format, every metadata block (EXIF, GPS, XMP, maker notes) left out, and
 * named URL-safe in lower case. sharp (libvips) does the pixels; it is loaded only by `images`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageSettings } from '../config/types.js';

export interface Photo {
  data: Buffer;
  width: number;
  height: number;
  /** The file extension of the format written, without the dot. */
  extension: string;
}

const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', webp: 'webp', avif: 'avif', png: 'png', gif: 'gif' };

/** The format a photo is written in: the site's, or with `keep` its own (HEIC and TIFF, which browsers lack: JPEG). */
export function outputFormat(settings: Pick<ImageSettings, 'format'>, input: string | undefined): string {
  if (settings.format !== 'keep') return settings.format;
  return input && input in EXTENSIONS ? input : 'jpeg';
}

/**
 * A URL-safe, lower-case file name for a photo: `IMG_0042.HEIC` → `img_0042.webp`. Letters of other
 * scripts are kept (Hugo serves Unicode paths); spaces and punctuation become `-`. A name taken gets `-2`, `-3`.
 */
export function photoName(original: string, extension: string, taken: (name: string) => boolean): string {
  const stem =
    path
      .basename(original, path.extname(original))
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '') || 'photo';
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}.${extension}`;
    if (!taken(name)) return name;
  }
}

/** True when the bytes start a HEIF file (HEIC from a phone): an `ftyp` box of a HEIF brand. */
export function isHeif(head: Uint8Array): boolean {
  const box = String.fromCharCode(...head.subarray(4, 12));
  return box.startsWith('ftyp') && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(box.slice(4));
}

type Sharp = import('sharp').Sharp;

/** Resized and re-encoded in the site's format, without metadata (sharp copies none unless asked). */
async function encode(pipeline: Sharp, input: string | undefined, settings: ImageSettings): Promise<Photo> {
  const target = outputFormat(settings, input);
  let resized = pipeline.resize({ width: settings.maxWidth, withoutEnlargement: true });
  if (target === 'jpeg') resized = resized.removeAlpha();
  resized =
    target === 'png'
      ? resized.png()
      : target === 'gif'
        ? resized.gif()
        : resized.toFormat(target as 'jpeg' | 'webp' | 'avif', { quality: settings.quality });
  const { data, info } = await resized.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, extension: EXTENSIONS[target] ?? target };
}

/**
 * An iPhone's HEIC, read by libheif compiled to WebAssembly (heic-decode): sharp's prebuilt libvips reads HEIF
 * only with AV1 inside (AVIF), not HEVC. libheif applies the file's own rotation and mirroring (irot, imir); its
 * EXIF orientation is not applied again, as the HEIF standard says. Undefined when the file is no HEIF.
 */
async function decodeHeif(
  file: string,
): Promise<{ width: number; height: number; data: Uint8ClampedArray } | undefined> {
  const bytes = await readFile(file);
  if (!isHeif(bytes)) return undefined;
  const decode = (await import('heic-decode')).default;
  return decode({ buffer: bytes });
}

/**
 * Reads a photo and makes it fit: upright, within the width, re-encoded without metadata. sharp reads it;
 * a HEIC it cannot read goes through heic-decode (the first error is the one said if that fails too).
 */
export async function convertPhoto(file: string, settings: ImageSettings): Promise<Photo> {
  const sharp = (await import('sharp')).default;
  try {
    const input = sharp(file, { failOn: 'error' });
    const { format } = await input.metadata();
    // rotate() without an angle applies the EXIF orientation.
    return await encode(input.rotate(), format, settings);
  } catch (error) {
    const pixels = await decodeHeif(file).catch(() => undefined);
    if (!pixels) throw error;
    const raw = { width: pixels.width, height: pixels.height, channels: 4 as const };
    return encode(
      sharp(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length), { raw }),
      'heif',
      settings,
    );
  }
}

/** How the post already shows its photos: as `<img>` with a width (the one it uses most), or as Markdown. */
export function referenceStyle(body: string): { html: boolean; width?: string } {
  const widths = [...body.matchAll(/<img\b[^>]*?\bwidth\s*=\s*["']?(\d+)/gi)].map((match) => match[1]!);
  if (!/<img\b/i.test(body)) return { html: false };
  const counts = new Map<string, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  const width = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return width ? { html: true, width } : { html: true };
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The line that shows the photo in the post's own style; the alt text as typed, escaped only where it would break. */
export function photoReference(url: string, alt: string, style: { html: boolean; width?: string }): string {
  if (style.html)
    return `<img src="${attribute(url)}" alt="${attribute(alt)}"${style.width ? ` width="${style.width}"` : ''}>`;
  const safeUrl = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `![${alt.replace(/([[\]\\])/g, '\\$1')}](${safeUrl})`;
}
