/**
 * Image references in the body of a post: Markdown images (inline and reference-style), HTML <img>
 * (src, srcset) and <source srcset>, and Hugo's figure shortcode. Code (fenced, indented, inline),
 * HTML comments and Hugo's escaped shortcodes (the `{{</*` form) show examples and are never read.
 */

import { type Attribute, attributes, decodeEntities } from '../html/tags.js';
import { scanBlocks } from './markdown-blocks.js';

export type ImageSyntax = 'markdown' | 'reference' | 'img' | 'srcset' | 'figure' | 'frontmatter';

export interface ImageRef {
  syntax: ImageSyntax;
  /** The URL as the browser gets it: HTML entities decoded, angle brackets removed. */
  url: string;
  /** The URL as written in the file; a fix rewrites it only when it is the same as `url` (no escapes). */
  raw: string;
  /** Where the URL is written in the file, for messages and fixes. */
  urlStart: number;
  urlEnd: number;
  /** The whole construct, for the alt text message. */
  start: number;
  end: number;
  /** Alt text; undefined when there is none at all. Only set where it matters (one report per image). */
  alt?: string;
  /** Whether image-alt applies to this reference. */
  checkAlt: boolean;
}

/** Sorted, non-overlapping ranges of the text that are not read (code, comments): a binary search tells. */
class Mask {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(ranges: [number, number][]) {
    for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end);
      else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  /** The end of the masked range that holds pos, or -1 when pos is read. */
  endAt(pos: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! > pos) high = mid - 1;
      else if (this.ends[mid]! <= pos) low = mid + 1;
      else return this.ends[mid]!;
    }
    return -1;
  }

  covers(pos: number): boolean {
    return this.endAt(pos) !== -1;
  }

  ranges(): [number, number][] {
    return this.starts.map((start, i) => [start, this.ends[i]!]);
  }
}

/**
 * What of the body is not read: code blocks and HTML comments (the block scanner's), escaped
 * shortcodes, inline code; and, for Markdown syntax only, the HTML blocks (their `<img>` tags are read).
 */
function masksOf(text: string, from: number): { hidden: Mask; htmlBlocks: Mask } {
  const { blocks: scanned } = scanBlocks(text, from);
  const blocks: [number, number][] = [[0, from]];
  const htmlBlocks: [number, number][] = [];
  for (const block of scanned) {
    if (block.kind === 'fence' || block.kind === 'indented') blocks.push([block.start, block.end]);
    else if (block.kind === 'html') htmlBlocks.push([block.start, block.end]);
  }
  const code = new Mask(blocks);
  const hidden = [...blocks];
  // HTML comments, blocks and inline ones, found outside code so a comment shown in code stays code.
  for (let open = text.indexOf('<!--', from); open !== -1; ) {
    const skip = code.endAt(open);
    if (skip !== -1) {
      open = text.indexOf('<!--', skip);
      continue;
    }
    const close = text.indexOf('-->', open + 4);
    hidden.push([open, close === -1 ? text.length : close + 3]);
    open = close === -1 ? -1 : text.indexOf('<!--', close + 3);
  }
  for (const match of text.matchAll(/\{\{([<%])\/\*[\s\S]*?\*\/\1\}\}/g))
    if (!code.covers(match.index)) hidden.push([match.index, match.index + match[0].length]);
  const blocksAndComments = new Mask(hidden);
  return {
    hidden: new Mask([...blocksAndComments.ranges(), ...inlineCode(text, from, blocksAndComments)]),
    htmlBlocks: new Mask(htmlBlocks),
  };
}

/** What of the body is not read at all. */
export function maskOf(text: string, from: number): Mask {
  return masksOf(text, from).hidden;
}

/** A copy of the text with what is not read blanked out (same length, line breaks kept): for tests and debugging. */
export function visibleText(text: string, from: number): string {
  let out = '';
  let at = 0;
  for (const [start, end] of maskOf(text, from).ranges()) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Inline code spans: a run of n backticks up to the next run of exactly n, within a paragraph, outside code and
 * comments.
 */
function inlineCode(text: string, from: number, hidden: Mask): [number, number][] {
  const spans: [number, number][] = [];
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let open = runs.exec(text); open; open = runs.exec(text)) {
    const skip = hidden.endAt(open.index);
    if (skip !== -1) {
      runs.lastIndex = skip;
      continue;
    }
    if (isEscaped(text, open.index)) continue;
    const size = open[0].length;
    const close = closingRun(size);
    close.lastIndex = open.index + size;
    const found = close.exec(text);
    // A code span does not cross a blank line (the end of a paragraph), nor code or a comment.
    if (!found || /\n[ \t]*\r?\n/.test(text.slice(open.index, found.index)) || hidden.covers(found.index)) continue;
    spans.push([open.index, found.index + size]);
    runs.lastIndex = found.index + size;
  }
  return spans;
}

const closingRuns = new Map<number, RegExp>();

/** The pattern of a run of exactly `size` backticks (made once per size: a post has hundreds of code spans). */
function closingRun(size: number): RegExp {
  let pattern = closingRuns.get(size);
  if (!pattern) closingRuns.set(size, (pattern = new RegExp(`(?<!\`)\`{${size}}(?!\`)`, 'g')));
  return pattern;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Markdown backslash escapes in a link destination: `\(` is `(`. */
function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Reads the bracketed text that starts at `open` (`[`), with nesting and escapes; returns the index of its `]`. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
    else if (c === '\n' && text[i + 1] === '\n') return -1;
  }
  return -1;
}

interface Destination {
  url: string;
  start: number;
  end: number;
  close: number;
}

/** Parses `(dest "title")` at `open`; returns the destination span and the index of `)`. */
function inlineDestination(text: string, open: number): Destination | undefined {
  let i = open + 1;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  let start = i;
  let end: number;
  let url: string;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    if (close === -1 || text.slice(i, close).includes('\n')) return undefined;
    start = i + 1;
    end = close;
    url = text.slice(start, end);
    i = close + 1;
  } else {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (/\s/.test(c)) break;
    }
    end = i;
    url = unescapeMarkdown(text.slice(start, end));
  }
  // CommonMark decodes entity references in a destination: `a&amp;b.png` is the file `a&b.png`.
  url = decodeEntities(url, 'markdown');
  // An optional title, then the closing parenthesis.
  const rest = /^\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))?\s*\)/.exec(text.slice(i, i + 2000));
  if (!rest) return undefined;
  return { url, start, end, close: i + rest[0].length - 1 };
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

interface Definition {
  url: string;
  start: number;
  end: number;
}

/** Link reference definitions: `[label]: destination "title"` at the start of a line, outside code. */
function definitions(text: string, mask: Mask): Map<string, Definition> {
  const found = new Map<string, Definition>();
  if (!text.includes(']:')) return found;
  for (const match of text.matchAll(/^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(?:\r?\n[ \t]*)?(<[^>\n]*>|\S+)/gm)) {
    const label = normalizeLabel(match[1]!);
    if (found.has(label) || mask.covers(match.index + match[0].length - 1)) continue;
    const raw = match[2]!;
    const start = match.index + match[0].length - raw.length;
    const angled = raw.startsWith('<');
    found.set(label, {
      url: decodeEntities(angled ? raw.slice(1, -1) : unescapeMarkdown(raw), 'markdown'),
      start: angled ? start + 1 : start,
      end: angled ? start + raw.length - 1 : start + raw.length,
    });
  }
  return found;
}

/** Each URL of a srcset ("a.jpg 1x, b.jpg 2x"), with its span. */
function srcsetUrls(attribute: Attribute): { url: string; start: number; end: number }[] {
  const urls: { url: string; start: number; end: number }[] = [];
  for (const match of attribute.value.matchAll(/(?:^|,)\s*([^\s,]+)/g)) {
    const raw = match[1]!;
    const start = attribute.start + match.index + match[0].length - raw.length;
    urls.push({ url: decodeEntities(raw, 'attribute'), start, end: start + raw.length });
  }
  return urls;
}

const FIGURE = /\{\{([<%])\s*figure\b([\s\S]*?)[>%]\}\}/g;
const SHORTCODE_PARAM = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/g;

export function findBodyImages(text: string, from: number): ImageRef[] {
  const { hidden: mask, htmlBlocks } = masksOf(text, from);
  const refs: ImageRef[] = [];
  const defs = definitions(text, mask);

  for (let bang = text.indexOf('![', from); bang !== -1; bang = text.indexOf('![', bang + 2)) {
    const skip = mask.endAt(bang);
    if (skip !== -1) {
      bang = skip - 2;
      continue;
    }
    // Inside an HTML block, Markdown is not Markdown: `![x](a.png)` there is text.
    if (isEscaped(text, bang) || htmlBlocks.covers(bang)) continue;
    // `![^1]`: a sentence's `!` before a footnote reference (Hugo turns footnotes on), never an image.
    if (text[bang + 2] === '^') continue;
    const altEnd = closingBracket(text, bang + 1);
    if (altEnd === -1) continue;
    const alt = text.slice(bang + 2, altEnd);
    const after = text[altEnd + 1];
    if (after === '(') {
      const dest = inlineDestination(text, altEnd + 1);
      if (!dest) continue;
      refs.push({
        syntax: 'markdown',
        url: dest.url,
        raw: text.slice(dest.start, dest.end),
        urlStart: dest.start,
        urlEnd: dest.end,
        start: bang,
        end: dest.close + 1,
        alt,
        checkAlt: true,
      });
      continue;
    }
    let label = alt;
    let end = altEnd + 1;
    if (after === '[') {
      const labelEnd = closingBracket(text, altEnd + 1);
      if (labelEnd === -1) continue;
      const written = text.slice(altEnd + 2, labelEnd);
      if (written.trim()) label = written;
      end = labelEnd + 1;
    }
    const def = defs.get(normalizeLabel(label));
    if (!def) continue;
    refs.push({
      syntax: 'reference',
      url: def.url,
      raw: text.slice(def.start, def.end),
      urlStart: def.start,
      urlEnd: def.end,
      start: bang,
      end,
      alt,
      checkAlt: true,
    });
  }

  for (const match of text.matchAll(/<(img|source)\b[^>]*>/gi)) {
    if (match.index < from || mask.covers(match.index)) continue;
    const tag = match[0];
    const attrs = attributes(tag, match.index);
    const isImg = match[1]!.toLowerCase() === 'img';
    const src = attrs.get('src');
    const alt = attrs.get('alt');
    if (isImg && src) {
      refs.push({
        syntax: 'img',
        url: decodeEntities(src.value, 'attribute'),
        raw: src.value,
        urlStart: src.start,
        urlEnd: src.end,
        start: match.index,
        end: match.index + tag.length,
        alt: alt ? decodeEntities(alt.value, 'attribute') : undefined,
        checkAlt: true,
      });
    }
    const srcset = attrs.get('srcset');
    if (srcset) {
      for (const candidate of srcsetUrls(srcset)) {
        refs.push({
          syntax: 'srcset',
          url: candidate.url,
          raw: text.slice(candidate.start, candidate.end),
          urlStart: candidate.start,
          urlEnd: candidate.end,
          start: match.index,
          end: match.index + tag.length,
          checkAlt: false,
        });
      }
    }
  }

  FIGURE.lastIndex = from;
  for (let match = FIGURE.exec(text); match; match = FIGURE.exec(text)) {
    if (mask.covers(match.index)) continue;
    const paramsStart = match.index + 3 + match[0].slice(3).indexOf(match[2]!);
    const params = new Map<string, Attribute>();
    for (const param of match[2]!.matchAll(SHORTCODE_PARAM)) {
      const value = param[2] ?? param[3] ?? param[4]!;
      const valueStart = paramsStart + param.index + param[0].length - value.length - (param[4] === undefined ? 1 : 0);
      params.set(param[1]!.toLowerCase(), { value, start: valueStart, end: valueStart + value.length });
    }
    const src = params.get('src');
    if (!src) continue;
    const alt = params.get('alt')?.value ?? params.get('caption')?.value ?? params.get('title')?.value;
    refs.push({
      syntax: 'figure',
      url: src.value,
      raw: src.value,
      urlStart: src.start,
      urlEnd: src.end,
      start: match.index,
      end: match.index + match[0].length,
      alt,
      checkAlt: true,
    });
  }
  return refs.sort((a, b) => a.urlStart - b.urlStart);
}
