import path from 'node:path';
import {
  MAX_DEPTH,
  type ParseFailure,
  TOO_DEEP,
  nestsDeeperThan,
  parseTomlOrFailure,
  parseYamlDocument,
  yamlMessage,
} from '../config/parse.js';
import { type FrontMatterFormat, splitFrontMatter } from './frontmatter.js';
import type { Problem } from '../i18n/problems.js';
import { type EncodingGuess, decodeText } from '../io/encoding.js';
import { getField, isDated } from './parse.js';
import { locateToml } from '../toml/locate.js';
import { Directives } from './directives.js';
import { type ImageRef, findBodyImages } from './markdown-refs.js';
import { LineIndex, lineColumnAt } from '../text/positions.js';
import type { Place } from '../text/positions.js';

/** A string in a list of terms (tags, categories) and how to take it out of the list again. */
export interface TermToken {
  value: string;
  place: Place;
  /** The quoting of the token, to write a replacement the same way. */
  quote: 'basic' | 'literal' | 'plain' | 'single' | 'double' | 'other';
  /** The edit that removes this term and its separator, if it can be removed without touching a comment. */
  removal?: { start: number; end: number; text: string };
}

export interface FieldToken {
  /** The key as written (`Tags`, `date`). */
  key: string;
  value: unknown;
  /** The value as written, quotes included. */
  raw: string;
  place: Place;
}

export interface TaxonomyField extends FieldToken {
  /** The terms when the value is a list (strings only); undefined when it is not a list. */
  terms?: TermToken[];
  /** True when the list holds something that is not a string. */
  hasNonString: boolean;
}

export interface FrontMatterImage extends ImageRef {
  /** The front matter key it came from. */
  key: string;
}

/** Why the front matter cannot be read; worded by the catalog (`m.rules.syntax`). */
export type FrontMatterSyntax =
  | { kind: 'unclosed'; opener: string; delimiter: string }
  | { kind: 'invalid'; format: string; detail: string }
  | { kind: 'notTable' };

/** What the rules look at in one post. The text itself is not kept: a whole-site run holds thousands. */
export interface PostModel {
  file: string;
  /** `_index.md`: a list page, which needs no date. */
  isListPage: boolean;
  /** The folder of a page bundle (index.md or _index.md), whose own files it may link by relative path. */
  bundleDir?: string;
  /** The file cannot be linted at all (binary, unreadable, nested too deep): one fatal finding. */
  fatal?: { problem: Problem; place: Place };
  /** The file is not UTF-8 (file-encoding reports it, with the encoding it seems to be in). */
  encoding?: { guess?: EncodingGuess };
  syntax?: { problem: FrontMatterSyntax; place: Place };
  format?: FrontMatterFormat;
  data?: Record<string, unknown>;
  hasFrontMatter: boolean;
  /** Top-level front matter fields by lower-case key. */
  fields: Map<string, FieldToken>;
  /** Taxonomy fields by taxonomy key (lower case). */
  taxonomies: Map<string, TaxonomyField>;
  images: (ImageRef | FrontMatterImage)[];
  directives: Directives;
  /** The place of line 1, for findings about the file as a whole. */
  top: Place;
  /** Line starts, to place findings at offsets (the text itself is not kept). */
  lines: LineIndex;
  /** The section: the first folder under the content folder (`posts`), or '' for a page at its top. */
  section: string;
  /** True when Hugo gives the page a date (date, publishDate or lastmod, not empty). */
  dated: boolean;
  /** `headless = true`: a bundle that is never rendered as a page. */
  headless: boolean;
}

/** The section of a post: its first folder under the content folder that holds it, or '' at the top. */
export function sectionOf(file: string, contentRoots: string[]): string {
  for (const root of contentRoots) {
    // Most files lie plainly under the root: no path.relative (10,000 calls in a pre-commit run).
    if (file.startsWith(root + path.sep)) {
      const rest = file.slice(root.length + 1);
      const slash = rest.indexOf(path.sep);
      return slash === -1 ? '' : rest.slice(0, slash);
    }
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const parts = relative.split(path.sep);
    return parts.length > 1 ? parts[0]! : '';
  }
  return '';
}

/** The model of a post before its text is read: what its path, line starts and directives say. */
export function emptyModel(file: string, lines: LineIndex, directives: Directives, contentRoots: string[]): PostModel {
  const base = path.basename(file).toLowerCase();
  const model: PostModel = {
    file,
    section: sectionOf(file, contentRoots),
    dated: false,
    headless: false,
    isListPage: base.startsWith('_index.'),
    hasFrontMatter: false,
    fields: new Map(),
    taxonomies: new Map(),
    images: [],
    directives,
    top: lines.place(0, 0),
    lines,
  };
  if (/^_?index\.[a-z]+$/.test(base)) model.bundleDir = path.dirname(file);
  return model;
}

function tomlQuote(raw: string): TermToken['quote'] {
  if (raw.startsWith('"""') || raw.startsWith("'''")) return 'other';
  return raw.startsWith("'") ? 'literal' : 'basic';
}

/** The edit that takes item i out of a list, with its comma; none when a comment sits in the way. */
function removalOf(
  text: string,
  items: { start: number; end: number }[],
  i: number,
  listEnd: number,
): TermToken['removal'] {
  const item = items[i]!;
  const next = items[i + 1];
  if (next) {
    const gap = text.slice(item.end, next.start);
    if (gap.includes('#')) return undefined;
    const comma = gap.indexOf(',');
    let end = item.end + comma + 1;
    while (text[end] === ' ' || text[end] === '\t') end++;
    return { start: item.start, end: Math.min(end, next.start), text: '' };
  }
  const previous = items[i - 1];
  if (previous) {
    const gap = text.slice(previous.end, item.start);
    if (gap.includes('#')) return undefined;
    return { start: previous.end, end: item.end, text: '' };
  }
  const after = text.slice(item.end, listEnd);
  const trailingComma = /^\s*,/.exec(after);
  return { start: item.start, end: trailingComma ? item.end + trailingComma[0].length : item.end, text: '' };
}

function lowerKeys(data: Record<string, unknown>): Map<string, string> {
  return new Map(Object.keys(data).map((key) => [key.toLowerCase(), key]));
}

function getPath(data: unknown, dotted: string): unknown {
  let value = data;
  for (const part of dotted.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
    if (key === undefined) return undefined;
    value = record[key];
  }
  return value;
}

interface Located {
  place: Place;
  start: number;
  end: number;
  raw: string;
}

/** TOML front matter: fields, taxonomies and image keys with their places, from the text as written. */
function readToml(
  text: string,
  fmStart: number,
  fmText: string,
  lines: LineIndex,
  model: PostModel,
  data: Record<string, unknown>,
  taxonomyKeys: string[],
  imageKeys: string[],
): void {
  const entries = locateToml(fmText);
  const lowerPaths = entries.map((e) => e.path.join('.').toLowerCase());
  const at = (start: number, end: number): Located => ({
    place: lines.place(fmStart + start, fmStart + end),
    start: fmStart + start,
    end: fmStart + end,
    raw: fmText.slice(start, end),
  });
  const keys = lowerKeys(data);
  for (const entry of entries) {
    if (entry.header || entry.path.length !== 1) continue;
    const lower = entry.path[0]!.toLowerCase();
    if (model.fields.has(lower)) continue;
    const written = keys.get(lower) ?? entry.path[0]!;
    const value = at(entry.value.start, entry.value.end);
    model.fields.set(lower, { key: written, value: data[written], raw: value.raw, place: value.place });
  }
  for (const taxonomy of taxonomyKeys) {
    const lower = taxonomy.toLowerCase();
    const field = model.fields.get(lower);
    if (!field) continue;
    const entry = entries.find((e, i) => !e.header && lowerPaths[i] === lower)!;
    const value = data[field.key];
    const taxonomyField: TaxonomyField = {
      ...field,
      hasNonString: Array.isArray(value) && value.some((v) => typeof v !== 'string'),
    };
    const stringCount = Array.isArray(value) ? value.filter((v) => typeof v === 'string').length : 0;
    if (Array.isArray(value) && entry.strings && entry.strings.length === stringCount) {
      const items = entry.strings.map((s) => ({ start: fmStart + s.start, end: fmStart + s.end }));
      const listEnd = fmStart + entry.value.end;
      taxonomyField.terms = entry.strings.map((s, i) => {
        const token: TermToken = {
          value: s.value,
          place: lines.place(items[i]!.start, items[i]!.end),
          quote: tomlQuote(fmText.slice(s.start, s.end)),
        };
        // Only in a list of strings alone are the neighbours of a token the ones its comma sits between.
        const removal = taxonomyField.hasNonString ? undefined : removalOf(text, items, i, listEnd);
        if (removal) token.removal = removal;
        return token;
      });
    } else if (Array.isArray(value) && !taxonomyField.hasNonString) {
      taxonomyField.terms = (value as string[]).map((term) => ({ value: term, place: field.place, quote: 'other' }));
    } else if (typeof value === 'string') {
      // A lone string is one term to Hugo: its token can be checked and rewritten, not removed.
      taxonomyField.terms = [{ value, place: field.place, quote: tomlQuote(field.raw) }];
    }
    model.taxonomies.set(lower, taxonomyField);
  }
  for (const key of imageKeys) {
    const value = getPath(data, key);
    const wanted = key.toLowerCase();
    if (typeof value === 'string') {
      const entry = entries.find((e, i) => !e.header && lowerPaths[i] === wanted);
      if (entry) model.images.push(frontMatterImage(key, value, at(entry.value.start, entry.value.end)));
    } else if (Array.isArray(value)) {
      const listEntry = entries.find((e, i) => !e.header && lowerPaths[i] === wanted);
      const srcEntries = entries.filter((e, i) => !e.header && lowerPaths[i] === `${wanted}.src`);
      let tableIndex = 0;
      value.forEach((item, i) => {
        if (typeof item === 'string') {
          const s = listEntry?.strings?.[i];
          model.images.push(
            frontMatterImage(
              key,
              item,
              s ? at(s.start, s.end) : at(listEntry?.value.start ?? 0, listEntry?.value.end ?? 0),
            ),
          );
        } else if (item && typeof item === 'object' && typeof (item as Record<string, unknown>).src === 'string') {
          const entry = srcEntries[tableIndex++];
          const src = (item as Record<string, unknown>).src as string;
          model.images.push(frontMatterImage(key, src, entry ? at(entry.value.start, entry.value.end) : at(0, 0)));
        }
      });
    }
  }
}

function frontMatterImage(key: string, value: string, located: Located): FrontMatterImage {
  const quoted = /^["']/.test(located.raw) ? 1 : 0;
  return {
    key,
    syntax: 'frontmatter',
    url: value,
    raw: located.raw.slice(quoted, located.raw.length - quoted),
    urlStart: located.start + quoted,
    urlEnd: located.end - quoted,
    start: located.start,
    end: located.end,
    checkAlt: false,
  };
}

type YamlNode = {
  range?: [number, number, number];
  value?: unknown;
  items?: YamlNode[];
  flow?: boolean;
  type?: string;
  key?: YamlNode;
};

function yamlQuote(node: YamlNode): TermToken['quote'] {
  if (node.type === 'QUOTE_DOUBLE') return 'double';
  if (node.type === 'QUOTE_SINGLE') return 'single';
  if (node.type === 'PLAIN') return 'plain';
  return 'other';
}

type YamlDocument = ReturnType<typeof parseYamlDocument>['doc'];

/** YAML front matter, read with the source ranges of the document already parsed for its data. */
function readYaml(
  text: string,
  fmStart: number,
  lines: LineIndex,
  model: PostModel,
  doc: YamlDocument,
  toOriginal: (offset: number) => number,
  taxonomyKeys: string[],
  imageKeys: string[],
): void {
  // Offsets of the document (which may be of relaxed text) in the file.
  const at = (offset: number) => fmStart + toOriginal(offset);
  const contents = doc.contents as unknown as { items?: { key: YamlNode; value: YamlNode | null }[] } | null;
  const data = model.data!;
  const keys = lowerKeys(data);
  const place = (
    node: YamlNode | null | undefined,
    fallback: YamlNode,
  ): { place: Place; raw: string; start: number; end: number } => {
    const range = (node?.range ?? fallback.range)!;
    const [start, end] = [at(range[0]), at(range[1])];
    return { place: lines.place(start, end), raw: text.slice(start, end), start, end };
  };
  const pairs = contents?.items ?? [];
  for (const pair of pairs) {
    const name = String(pair.key?.value ?? '');
    const lower = name.toLowerCase();
    if (!name || model.fields.has(lower)) continue;
    const located = place(pair.value, pair.key);
    model.fields.set(lower, {
      key: keys.get(lower) ?? name,
      value: data[keys.get(lower) ?? name],
      raw: located.raw,
      place: located.place,
    });
    if (taxonomyKeys.some((t) => t.toLowerCase() === lower)) {
      const value = data[keys.get(lower) ?? name];
      const field: TaxonomyField = {
        key: name,
        value,
        raw: located.raw,
        place: located.place,
        hasNonString: Array.isArray(value) && value.some((v) => typeof v !== 'string'),
      };
      const seq = pair.value;
      if (Array.isArray(value) && seq?.items?.length === value.length) {
        const items = seq.items.map((item) => ({ start: at(item.range![0]), end: at(item.range![1]) }));
        // Tokens for the strings; numbers and booleans (Hugo makes them terms too) are frontmatter-coerced's.
        field.terms = seq.items.flatMap((item, i) => {
          if (typeof value[i] !== 'string') return [];
          const token: TermToken = {
            value: String(item.value),
            place: lines.place(items[i]!.start, items[i]!.end),
            quote: yamlQuote(item),
          };
          const removal = seq.flow
            ? removalOf(text, items, i, at(seq.range![1]))
            : blockItemRemoval(text, items[i]!.start);
          if (removal) token.removal = removal;
          return [token];
        });
      } else if (typeof value === 'string' && seq) {
        field.terms = [{ value, place: located.place, quote: yamlQuote(seq) }];
      }
      model.taxonomies.set(lower, field);
    }
  }
  for (const key of imageKeys) {
    const value = getPath(data, key);
    const node = doc.getIn(key.split('.'), true) as YamlNode | undefined;
    if (!node) continue;
    if (typeof value === 'string') model.images.push(frontMatterImage(key, value, place(node, node)));
    else if (Array.isArray(value) && node.items) {
      value.forEach((item, i) => {
        const itemNode = node.items![i];
        if (!itemNode) return;
        if (typeof item === 'string') model.images.push(frontMatterImage(key, item, place(itemNode, node)));
        else if (item && typeof item === 'object' && typeof (item as Record<string, unknown>).src === 'string') {
          const src = (itemNode as unknown as { get(k: string, keep: boolean): YamlNode | undefined }).get?.(
            'src',
            true,
          );
          model.images.push(
            frontMatterImage(key, (item as Record<string, unknown>).src as string, place(src, itemNode)),
          );
        }
      });
    }
  }
}

/** A block sequence item (`- go`) is removed with its whole line. */
function blockItemRemoval(text: string, itemStart: number): TermToken['removal'] {
  const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
  if (!/^\s*-\s*$/.test(text.slice(lineStart, itemStart))) return undefined;
  const newline = text.indexOf('\n', itemStart);
  return { start: lineStart, end: newline === -1 ? text.length : newline + 1, text: '' };
}

export interface ModelOptions {
  taxonomyKeys: string[];
  imageKeys: string[];
  /** The content folders (absolute), to tell a post's section. */
  contentRoots?: string[];
}

/**
 * Reads a post into what the rules check. Never throws on bad input: that becomes a finding. A string is text
 * already decoded (a fix pass, a tags edit): it is not encoded and decoded again.
 */
export function buildPostModel(file: string, source: Uint8Array | string, options: ModelOptions): PostModel {
  const decoded = typeof source === 'string' ? { text: source } : decodeText(source);
  const text = 'text' in decoded ? decoded.text : '';
  const lines = new LineIndex(text);
  const model = emptyModel(
    file,
    lines,
    new Directives(text, (offset) => lines.position(offset).line),
    options.contentRoots ?? [],
  );
  if ('failure' in decoded) {
    if (decoded.failure === 'binary') model.fatal = { problem: { id: 'binary' }, place: model.top };
    else model.encoding = decoded.guess ? { guess: decoded.guess } : {};
    return model;
  }
  const split = splitFrontMatter(text);
  if (split.kind === 'none') {
    model.images = findBodyImages(text, 0);
    return model;
  }
  model.hasFrontMatter = true;
  if (split.kind === 'unclosed') {
    model.format = split.format;
    model.syntax = {
      problem: {
        kind: 'unclosed',
        opener: split.format === 'json' ? '{' : split.delimiter,
        delimiter: split.delimiter,
      },
      place: model.top,
    };
    return model;
  }
  const fm = split.frontMatter;
  model.format = fm.format;
  const fmText = text.slice(fm.start, fm.end);
  let failure: (ParseFailure & { notTable?: boolean }) | undefined;
  let data: unknown;
  let yamlDoc: YamlDocument | undefined;
  let toOriginal = (offset: number) => offset;
  if (fm.format === 'toml') {
    const parsed = parseTomlOrFailure(fmText);
    if ('failure' in parsed) failure = parsed.failure;
    else data = parsed.data;
  } else if (fm.format === 'yaml') {
    const parsed = parseYamlDocument(fmText);
    yamlDoc = parsed.doc;
    toOriginal = parsed.toOriginal;
    const error = yamlDoc.errors[0];
    if (error && yamlMessage(error.message) === TOO_DEEP) {
      model.fatal = { problem: { id: 'tooDeep', limit: MAX_DEPTH }, place: lines.place(fm.start, fm.start) };
      return model;
    }
    if (error) failure = { message: yamlMessage(error.message), ...lineColumnAt(fmText, error.pos[0]) };
    else data = yamlDoc.toJS({ maxAliasCount: 100 }) ?? {};
  } else {
    try {
      data = JSON.parse(fmText);
    } catch (error) {
      failure = { message: (error as Error).message.replace(/ in JSON at position.*$/, ''), line: 1, column: 1 };
    }
  }
  if (!failure && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    failure = { message: '', line: 1, column: 1, notTable: true };
  }
  if (failure) {
    const line = failure.line + fm.startLine - 1;
    const lineStart = line === 1 ? 0 : nthLineStart(text, line);
    const offset = Math.min(lineStart + failure.column - 1, text.length);
    model.syntax = {
      problem: failure.notTable
        ? { kind: 'notTable' }
        : { kind: 'invalid', format: fm.format.toUpperCase(), detail: failure.message },
      place: lines.place(offset, offset),
    };
    return model;
  }
  if (nestsDeeperThan(data)) {
    model.fatal = { problem: { id: 'tooDeep', limit: MAX_DEPTH }, place: lines.place(fm.start, fm.start) };
    return model;
  }
  model.data = data as Record<string, unknown>;
  model.dated = isDated(model.data);
  model.headless = getField(model.data, 'headless') === true;
  if (fm.format === 'toml')
    readToml(text, fm.start, fmText, lines, model, model.data, options.taxonomyKeys, options.imageKeys);
  else if (yamlDoc)
    readYaml(text, fm.start, lines, model, yamlDoc, toOriginal, options.taxonomyKeys, options.imageKeys);
  else readJson(model, lines, fm.start, options.taxonomyKeys);
  // concat, not push(...): a 10 MB post can hold more images than the call stack has room for arguments.
  model.images = model.images.concat(findBodyImages(text, fm.bodyStart));
  return model;
}

function readJson(model: PostModel, lines: LineIndex, fmStart: number, taxonomyKeys: string[]): void {
  const place = lines.place(fmStart, fmStart);
  for (const [key, value] of Object.entries(model.data!)) {
    model.fields.set(key.toLowerCase(), {
      key,
      value,
      raw: typeof value === 'string' ? JSON.stringify(value) : String(value),
      place,
    });
  }
  for (const taxonomy of taxonomyKeys) {
    const field = model.fields.get(taxonomy.toLowerCase());
    if (!field) continue;
    const value = field.value;
    const taxonomyField: TaxonomyField = {
      ...field,
      hasNonString: Array.isArray(value) && value.some((v) => typeof v !== 'string'),
    };
    if (Array.isArray(value))
      taxonomyField.terms = value
        .filter((term): term is string => typeof term === 'string')
        .map((term) => ({ value: term, place, quote: 'other' }));
    else if (typeof value === 'string') taxonomyField.terms = [{ value, place, quote: 'other' }];
    model.taxonomies.set(taxonomy.toLowerCase(), taxonomyField);
  }
}

function nthLineStart(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}
