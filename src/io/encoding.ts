/**
 * Posts are read as UTF-8 (as Hugo reads them). A file that is not is refused, never re-encoded: a
 * lenient decode would turn every other byte into U+FFFD and a write would destroy the text.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface EncodingGuess {
  /** What the writer would call it. */
  name: string;
  /** The name iconv knows it by. */
  iconv: string;
}

export type Decoded = { text: string } | { failure: 'binary' } | { failure: 'encoding'; guess?: EncodingGuess };

/** The text of a file (a BOM kept, so offsets match the file), or why it is not UTF-8 text. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.includes(0) && !isUtf16(bytes)) return { failure: 'binary' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const guess = guessEncoding(bytes);
    return guess ? { failure: 'encoding', guess } : { failure: 'encoding' };
  }
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff5e]/g;

function japaneseShare(bytes: Uint8Array, encoding: string): number {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    const nonAscii = text.replace(/[\u0000-\u007f]/g, '').length;
    return nonAscii === 0 ? 0 : (text.match(JAPANESE)?.length ?? 0) / nonAscii;
  } catch {
    return -1;
  }
}

/** The likely encoding of bytes that are not UTF-8: UTF-16, the Japanese ones, else Windows-1252 (Latin-1). */
export function guessEncoding(bytes: Uint8Array): EncodingGuess | undefined {
  if (isUtf16(bytes)) return { name: 'UTF-16', iconv: 'UTF-16' };
  const sample = bytes.subarray(0, 64 * 1024);
  if (/\x1b\$[@B]/.test(Buffer.from(sample).toString('latin1'))) return { name: 'ISO-2022-JP', iconv: 'ISO-2022-JP' };
  const sjis = japaneseShare(sample, 'shift_jis');
  const euc = japaneseShare(sample, 'euc-jp');
  if (Math.max(sjis, euc) > 0.5)
    return sjis >= euc ? { name: 'Shift_JIS', iconv: 'CP932' } : { name: 'EUC-JP', iconv: 'EUC-JP' };
  return { name: 'Latin-1 (Windows-1252)', iconv: 'WINDOWS-1252' };
}

/** A path quoted for a POSIX shell, for commands the writer can paste. */
export function shellQuote(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

/** The command that converts the file to UTF-8 in place (through a temp file). */
export function iconvCommand(file: string, guess: EncodingGuess): string {
  const quoted = shellQuote(file);
  const temp = shellQuote(`${file}.utf8`);
  return `iconv -f ${guess.iconv} -t UTF-8 ${quoted} > ${temp} && mv ${temp} ${quoted}`;
}
