/**
 * Takes a photo's metadata out without touching its pixels: the compressed image data is copied byte for
 * byte, only the blocks that carry EXIF (and with it GPS) and XMP are left out. JPEG: APP1 segments
 * (Exif, XMP); PNG: eXIf, tEXt, iTXt and zTXt chunks; WebP: EXIF and XMP chunks, and their flags in VP8X.
 * A colour profile (JPEG APP2, PNG iCCP, WebP ICCP) is kept. Undefined when the format is not one of these.
 */

function jpeg(bytes: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    // From the start of scan on, the rest is image data: copied as it is.
    if (marker === 0xda) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return undefined;
    if (marker !== 0xe1) parts.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

function png(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length; ) {
    if (at + 12 > bytes.length) return undefined;
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return undefined;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!PNG_DROP.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      parts.push(bytes.subarray(at));
      break;
    }
  }
  return Buffer.concat(parts);
}

function webp(bytes: Uint8Array): Uint8Array | undefined {
  const le32 = (at: number) =>
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  const chunks: Uint8Array[] = [];
  for (let at = 12; at + 8 <= bytes.length; ) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = le32(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > bytes.length + (size % 2)) return undefined;
    if (type === 'VP8X') {
      // Flags: bit 3 EXIF, bit 2 XMP; the chunks go, so do their flags.
      const copy = Buffer.from(bytes.subarray(at, end));
      copy[8] = copy[8]! & ~0x0c;
      chunks.push(copy);
    } else if (type !== 'EXIF' && type !== 'XMP ') chunks.push(bytes.subarray(at, Math.min(end, bytes.length)));
    at = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.from(bytes.subarray(0, 12));
  header.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([header, body]);
}

export function withoutMetadata(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes);
  if (String.fromCharCode(...bytes.subarray(0, 8)) === '\x89PNG\r\n\x1a\n') return png(bytes);
  const head = String.fromCharCode(...bytes.subarray(0, 12));
  if (head.startsWith('RIFF') && head.endsWith('WEBP')) return webp(bytes);
  return undefined;
}
