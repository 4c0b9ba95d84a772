import type { Fix, ResolvedImage } from '../types.js';

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The URL with the last path segments renamed to the names on disk (same encoding as written). */
export function renameSegments(url: string, wanted: string[], actual: string[]): string {
  const cut = url.search(/[?#]/);
  const pathPart = cut === -1 ? url : url.slice(0, cut);
  const suffix = cut === -1 ? '' : url.slice(cut);
  const parts = pathPart.split('/');
  let j = wanted.length - 1;
  for (let i = parts.length - 1; i >= 0 && j >= 0; i--) {
    const decoded = decode(parts[i]!);
    if (decoded === '' || decoded === '.') continue;
    if (decoded !== wanted[j]) break;
    if (wanted[j] !== actual[j]) parts[i] = parts[i]!.includes('%') ? encodeURIComponent(actual[j]!) : actual[j]!;
    j--;
  }
  return parts.join('/') + suffix;
}

/** Replaces the URL as written, when it was written plainly (no escapes or entities that a rewrite would lose). */
export function replaceUrl(image: ResolvedImage, url: string): Fix | undefined {
  if (image.ref.raw !== image.ref.url || url === image.ref.url) return undefined;
  return { start: image.ref.urlStart, end: image.ref.urlEnd, text: url };
}

/** The URL, shortened for messages. */
export function shown(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}...` : url;
}
