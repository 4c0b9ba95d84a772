/**
 * What lint needs to know of a photo, from the few bytes that say it: its format, its size in pixels,
 * and whether it carries a GPS position (EXIF in JPEG APP1, PNG eXIf, WebP EXIF, TIFF). Nothing is decoded.
 * Written here rather than with exifr: rules run synchronously inside the pure lint core, and exifr reads
 * asynchronously; this reads a 64 KB head, and at most a few chunk headers more for WebP.
 */

export interface PhotoFacts {
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'heif' | 'tiff' | 'other';
  width?: number;
  height?: number;
  gps: boolean;
}

/** Reads `length` bytes at `offset` of the file (fewer at its end). */
export type ReadAt = (offset: number, length: number) => Uint8Array;

export const HEAD_BYTES = 64 * 1024;

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** True when a TIFF structure (EXIF) holds a GPS IFD with a latitude or longitude. */
export function tiffHasGps(tiff: Uint8Array): boolean {
  if (tiff.length < 8) return false;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return false;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : -1);
  const u32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : -1);
  const entries = (ifd: number): [tag: number, value: number][] => {
    const count = u16(ifd);
    if (count < 0 || count > 1000) return [];
    const out: [number, number][] = [];
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      if (at + 12 > tiff.length) break;
      out.push([u16(at), u32(at + 8)]);
    }
    return out;
  };
  const gpsIfd = entries(u32(4)).find(([tag]) => tag === 0x8825)?.[1];
  if (gpsIfd === undefined || gpsIfd <= 0 || gpsIfd >= tiff.length) return false;
  // GPSLatitude (2) or GPSLongitude (4): a position, not only a GPS version tag.
  return entries(gpsIfd).some(([tag]) => tag === 2 || tag === 4);
}

function jpeg(head: Uint8Array): PhotoFacts {
  const facts: PhotoFacts = { format: 'jpeg', gps: false };
  let at = 2;
  while (at + 4 <= head.length && head[at] === 0xff) {
    const marker = head[at + 1]!;
    const length = (head[at + 2]! << 8) | head[at + 3]!;
    if (marker === 0xda || length < 2) break;
    if (marker === 0xe1 && ascii(head, at + 4, 4) === 'Exif')
      facts.gps ||= tiffHasGps(head.subarray(at + 10, at + 2 + length));
    // A start of frame (not DHT, JPG or DAC): height and width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      facts.height = (head[at + 5]! << 8) | head[at + 6]!;
      facts.width = (head[at + 7]! << 8) | head[at + 8]!;
    }
    at += 2 + length;
  }
  return facts;
}

function png(head: Uint8Array): PhotoFacts {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const facts: PhotoFacts = { format: 'png', gps: false };
  for (let at = 8; at + 8 <= head.length; ) {
    const length = view.getUint32(at);
    const type = ascii(head, at + 4, 4);
    if (type === 'IHDR' && at + 16 <= head.length) {
      facts.width = view.getUint32(at + 8);
      facts.height = view.getUint32(at + 12);
    }
    if (type === 'eXIf') facts.gps ||= tiffHasGps(head.subarray(at + 8, at + 8 + length));
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + length;
  }
  return facts;
}

function webp(head: Uint8Array, readAt: ReadAt): PhotoFacts {
  const facts: PhotoFacts = { format: 'webp', gps: false };
  const le32 = (bytes: Uint8Array, at: number) =>
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  const fileEnd = 8 + le32(head, 4);
  // Chunk by chunk: the EXIF chunk of an extended WebP usually follows the image data, past the head.
  for (let at = 12, chunks = 0; at + 8 <= fileEnd && chunks < 64; chunks++) {
    const header = at + 8 <= head.length ? head.subarray(at, at + 8) : readAt(at, 8);
    if (header.length < 8) break;
    const type = ascii(header, 0, 4);
    const size = le32(header, 4);
    if (type === 'VP8X') {
      const data = at + 18 <= head.length ? head.subarray(at + 8, at + 18) : readAt(at + 8, 10);
      facts.width = 1 + (data[4]! | (data[5]! << 8) | (data[6]! << 16));
      facts.height = 1 + (data[7]! | (data[8]! << 8) | (data[9]! << 16));
      if ((data[0]! & 0x08) === 0) break; // no EXIF chunk in this file
    } else if (type === 'EXIF') {
      const data = readAt(at + 8, Math.min(size, HEAD_BYTES));
      // Some writers keep the JPEG-style "Exif\0\0" before the TIFF header.
      facts.gps = tiffHasGps(ascii(data, 0, 4) === 'Exif' ? data.subarray(6) : data);
      break;
    } else if (type === 'VP8 ' && facts.width === undefined && at + 8 + 10 <= head.length) {
      facts.width = (head[at + 14]! | (head[at + 15]! << 8)) & 0x3fff;
      facts.height = (head[at + 16]! | (head[at + 17]! << 8)) & 0x3fff;
    }
    at += 8 + size + (size % 2);
  }
  return facts;
}

/** The facts of a photo from its head (and, for WebP, a few reads further in). */
export function photoFacts(head: Uint8Array, readAt: ReadAt): PhotoFacts {
  if (head[0] === 0xff && head[1] === 0xd8) return jpeg(head);
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return png(head);
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return webp(head, readAt);
  if (ascii(head, 0, 4) === 'GIF8') return { format: 'gif', gps: false };
  if (ascii(head, 4, 4) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(ascii(head, 8, 4)))
    return { format: 'heif', gps: false };
  if (
    (head[0] === 0x49 && head[1] === 0x49 && head[2] === 42) ||
    (head[0] === 0x4d && head[1] === 0x4d && head[3] === 42)
  )
    return { format: 'tiff', gps: tiffHasGps(head) };
  return { format: 'other', gps: false };
}
