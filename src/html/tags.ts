/** Reading HTML tags by hand where a parser would be too much: attributes and character references. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Decoder = typeof import('entities/decode');
let decoder: Decoder | undefined;

/**
 * Character references decoded by the `entities` package (the HTML standard's table of 2,231 names),
 * loaded only when a value has a `&`: the package costs about 12 ms to load, which most commits'
 * lint never pays. `text`: HTML text (legacy names without `;` too); `attribute`: an attribute
 * value (`&copy=` stays); `markdown`: a CommonMark link destination (`;` required).
 */
export function decodeEntities(value: string, context: 'text' | 'attribute' | 'markdown' = 'text'): string {
  if (!value.includes('&')) return value;
  decoder ??= require('entities/decode') as Decoder;
  if (context === 'attribute') return decoder.decodeHTMLAttribute(value);
  return context === 'markdown' ? decoder.decodeHTMLStrict(value) : decoder.decodeHTML(value);
}

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface Attribute {
  value: string;
  start: number;
  end: number;
}

/** The attributes of an HTML start tag, by lower-case name, with where each value sits (offsets from `tagStart`). */
export function attributes(tag: string, tagStart = 0): Map<string, Attribute> {
  const found = new Map<string, Attribute>();
  const nameEnd = tag.search(/[\s/>]/);
  ATTRIBUTE.lastIndex = nameEnd === -1 ? tag.length : nameEnd;
  for (let match = ATTRIBUTE.exec(tag); match; match = ATTRIBUTE.exec(tag)) {
    const name = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? match[4];
    if (found.has(name)) continue;
    if (value === undefined) {
      found.set(name, { value: '', start: tagStart + match.index, end: tagStart + match.index });
      continue;
    }
    const valueStart = tagStart + match.index + match[0].length - value.length - (match[4] === undefined ? 1 : 0);
    found.set(name, { value, start: valueStart, end: valueStart + value.length });
  }
  return found;
}
