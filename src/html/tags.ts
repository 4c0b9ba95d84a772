/** Reading HTML tags by hand where a parser would be too much: attributes and character references. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&amp;`, `&#39;`, `&#x27;` and the common named references, decoded. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
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

