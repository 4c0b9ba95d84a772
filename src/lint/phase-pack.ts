/**
 * A post phase (post-phase.ts) in a few flat values, for the lint cache and for a large run's posts between the
 * post and site rules: numbers in one Int32Array, strings in one array, the line starts as they are, and the rare
 * structured parts (directives, syntax problems, findings) as data. A structured clone of the phase itself held
 * about 60 objects per post: reading 10,000 of them back took 0.6 s and 45 MB (measured on the 10,000-post bench
 * site); this reads as a handful. What the model gives from the path (section, list page, bundle folder, the
 * place of line 1) is made again from it.
 */
import path from 'node:path';
import v8 from 'node:v8';
import { type PostModel, type TaxonomyField, type TermToken, emptyModel, sectionOf } from '../post/model.js';
import { Directives } from '../post/directives.js';
import { LineIndex, type Place } from '../text/positions.js';
import { type AnalyzedPost, fileOf } from './core.js';
import { type LintedFacts, type PostPhase, revivePhase } from './post-phase.js';
import type { Diagnostic, ResolvedImage } from './types.js';

export interface PackedPhase {
  numbers: Int32Array;
  strings: string[];
  lines: Int32Array;
  /** Rare parts, as data: [directives, syntax, format, findings, terms of the facts]. */
  rest: [unknown[], PostModel['syntax'], PostModel['format'], Diagnostic[], LintedFacts['terms']];
}

const QUOTES: TermToken['quote'][] = ['basic', 'literal', 'plain', 'single', 'double', 'other'];

/** Flags of the model, one bit each. */
const DATED = 1;
const HEADLESS = 2;
const FRONT_MATTER = 4;
const BOM = 8;
const FACTS_SECTION = 16;
const FACTS_DATED = 32;

/** Writes values in order; the reader takes them back in the same order. */
class Writer {
  readonly numbers: number[] = [];
  readonly strings: string[] = [];
  number(value: number): void {
    this.numbers.push(value);
  }
  string(value: string): void {
    this.strings.push(value);
  }
  place(place: Place): void {
    this.numbers.push(place.start, place.end, place.line, place.column, place.endLine, place.endColumn);
  }
}

class Reader {
  private n = 0;
  private s = 0;
  constructor(
    private readonly numbers: Int32Array,
    private readonly strings: string[],
  ) {}
  number(): number {
    return this.numbers[this.n++]!;
  }
  string(): string {
    return this.strings[this.s++]!;
  }
  place(): Place {
    const [start, end, line, column, endLine, endColumn] = this.numbers.subarray(this.n, (this.n += 6));
    return { start: start!, end: end!, line: line!, column: column!, endLine: endLine!, endColumn: endColumn! };
  }
}

/** The private fields of the two classes the model holds (the worker path clones them the same way). */
type LinesData = { starts: Int32Array; bom: number };
type DirectivesData = { list: unknown[] };

/** A path inside the site as written in the cache: relative to its root (else marked and whole). */
export function shortPath(root: string, file: string): string {
  return file.startsWith(`${root}${path.sep}`) ? file.slice(root.length + 1) : `\u0001${file}`;
}

export function fullPath(root: string, short: string): string {
  return short.charCodeAt(0) === 1 ? short.slice(1) : `${root}${path.sep}${short}`;
}

/**
 * A post phase made now, packed (paths relative to the site's root); undefined for one the cache does not keep
 * (a file that could not be linted).
 */
export function packPhase({ kept, result, facts }: PostPhase, root: string): PackedPhase | undefined {
  const { model, images } = kept;
  if (model.fatal || model.encoding) return undefined;
  const out = new Writer();
  const lines = model.lines as unknown as LinesData;
  let flags = (model.dated ? DATED : 0) | (model.headless ? HEADLESS : 0) | (model.hasFrontMatter ? FRONT_MATTER : 0);
  flags |= (lines.bom ? BOM : 0) | (facts.section !== undefined ? FACTS_SECTION : 0) | (facts.dated ? FACTS_DATED : 0);
  out.number(flags);
  out.number(result.bomLength);
  out.number(images.length);
  for (const { ref, lookup } of images) {
    out.string(ref.syntax);
    out.string('key' in ref ? String(ref.key) : '\0');
    out.number(ref.urlStart);
    out.number(ref.urlEnd);
    out.number(ref.start);
    out.number(ref.end);
    out.number(ref.checkAlt ? 1 : 0);
    out.string(lookup && lookup.status === 'found' ? shortPath(root, lookup.file) : '');
  }
  out.number(model.taxonomies.size);
  for (const [name, field] of model.taxonomies) {
    out.string(name);
    out.string(field.key);
    out.number(field.hasNonString ? 1 : 0);
    out.place(field.place);
    out.number(field.terms ? field.terms.length : -1);
    for (const term of field.terms ?? []) {
      out.string(term.value);
      out.number(QUOTES.indexOf(term.quote));
      out.place(term.place);
      if (term.removal) {
        out.number(1);
        out.number(term.removal.start);
        out.number(term.removal.end);
        out.string(term.removal.text);
      } else out.number(0);
    }
  }
  const directives = (model.directives as unknown as DirectivesData).list;
  return {
    numbers: Int32Array.from(out.numbers),
    strings: out.strings,
    lines: lines.starts,
    rest: [directives, model.syntax, model.format, structuredClone(result.diagnostics), facts.terms],
  };
}

/** A packed post as the lint cache keeps it: its strings and rare parts serialized, read back when unpacked. */
export interface StoredPhase {
  numbers: Int32Array;
  lines: Int32Array;
  body: Uint8Array;
}

/**
 * A packed post's strings and rare parts as bytes (StoredPhase.body). Most posts have no finding of their own and
 * no disable comment: JSON then holds them exactly (read back 0.1 s faster for 10,000 posts than V8's serializer);
 * the others go through V8's serializer, as JSON would make `undefined` null and a disable comment's rule names (a
 * Set) an empty object. The first byte says which.
 */
export function bodyOf(packed: PackedPhase): Uint8Array {
  const [directives, syntax, format, diagnostics, terms] = packed.rest;
  if (directives.length === 0 && diagnostics.length === 0) {
    return Buffer.from(`J${JSON.stringify([packed.strings, syntax ?? 0, format ?? 0, terms ?? 0])}`);
  }
  return Buffer.concat([Buffer.from('V'), v8.serialize([packed.strings, packed.rest])]);
}

/** A stored post made a packed one again. */
export function inflate({ numbers, lines, body }: StoredPhase): PackedPhase {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.length);
  if (bytes[0] === 0x4a) {
    const [strings, syntax, format, terms] = JSON.parse(bytes.toString('utf8', 1)) as [
      string[],
      PostModel['syntax'] | 0,
      PostModel['format'] | 0,
      LintedFacts['terms'] | 0,
    ];
    const rest: PackedPhase['rest'] = [[], syntax || undefined, format || undefined, [], terms || undefined];
    return { numbers, lines, strings, rest };
  }
  const [strings, rest] = v8.deserialize(bytes.subarray(1)) as [PackedPhase['strings'], PackedPhase['rest']];
  return { numbers, lines, strings, rest };
}

/** The files a packed post's images were found at (git is asked about them before the site rules run). */
export function packedImageFiles(packed: PackedPhase, root: string): string[] {
  const files: string[] = [];
  // The images come first: their count is the third number, their strings the first (syntax, key, file each).
  for (let i = 0; i < packed.numbers[2]!; i++) files.push(fullPath(root, packed.strings[i * 3 + 2]!));
  return files;
}

/** What the site rules need of a packed post before any of them runs: its terms, section and date. */
export function packedFacts(
  numbers: Int32Array,
  terms: LintedFacts['terms'],
  file: string,
  contentRoots: string[],
): LintedFacts {
  const flags = numbers[0]!;
  return {
    terms,
    section: flags & FACTS_SECTION ? sectionOf(file, contentRoots) : undefined,
    dated: (flags & FACTS_DATED) !== 0,
  };
}

/** The post phase of `file` again, as packed (the content folders tell its section). */
export function unpackPhase(packed: PackedPhase, file: string, root: string, contentRoots: string[]): PostPhase {
  const read = new Reader(packed.numbers, packed.strings);
  const [directives, syntax, format, diagnostics] = packed.rest;
  const flags = read.number();
  const bomLength = read.number();
  const lines = Object.create(LineIndex.prototype) as LinesData;
  lines.starts = packed.lines;
  lines.bom = flags & BOM ? 1 : 0;
  const parsed = Object.create(Directives.prototype) as DirectivesData;
  parsed.list = directives;
  const model = emptyModel(file, lines as unknown as LineIndex, parsed as unknown as Directives, contentRoots);
  model.dated = (flags & DATED) !== 0;
  model.headless = (flags & HEADLESS) !== 0;
  model.hasFrontMatter = (flags & FRONT_MATTER) !== 0;
  if (syntax) model.syntax = syntax;
  if (format) model.format = format;
  const images: ResolvedImage[] = [];
  for (let count = read.number(); count > 0; count--) {
    const syntax = read.string() as ResolvedImage['ref']['syntax'];
    const key = read.string();
    const ref = {
      syntax,
      url: '',
      raw: '',
      urlStart: read.number(),
      urlEnd: read.number(),
      start: read.number(),
      end: read.number(),
      checkAlt: read.number() === 1,
      alt: '',
      ...(key === '\0' ? {} : { key }),
    };
    const found = fullPath(root, read.string());
    images.push({ ref, target: { kind: 'local', candidates: [] }, lookup: { status: 'found', file: found } });
  }
  for (let fields = read.number(); fields > 0; fields--) {
    const name = read.string();
    const key = read.string();
    const hasNonString = read.number() === 1;
    const field: TaxonomyField = { key, value: undefined, raw: '', place: read.place(), hasNonString };
    const count = read.number();
    if (count >= 0) {
      field.terms = [];
      for (let i = 0; i < count; i++) {
        const term: TermToken = { value: read.string(), quote: QUOTES[read.number()]!, place: read.place() };
        if (read.number() === 1) term.removal = { start: read.number(), end: read.number(), text: read.string() };
        field.terms.push(term);
      }
    }
    model.taxonomies.set(name, field);
  }
  const kept: AnalyzedPost = { model, images };
  const facts = packedFacts(packed.numbers, packed.rest[4], file, contentRoots);
  return { kept, result: { file, bomLength, diagnostics }, facts };
}

/**
 * A post after the post phase, as the site rules will read it: packed on a large run (a few flat values instead
 * of its model's objects: 10,000 posts held 96 MiB of them), whole on a small one or when it cannot be packed.
 */
export interface Linted {
  facts: LintedFacts;
  /** The files its images were found at, for git. */
  imageFiles: string[];
  packed?: PackedPhase;
  /** From the lint cache: parsed only when its site rules run. */
  stored?: StoredPhase;
  phase?: PostPhase;
  /** Its file lookups, for the lint cache (then dropped). */
  lookups?: PostPhase['lookups'];
}

/** A post phase made now, as it is kept until the site rules run (packed when `pack`, and when it can be). */
export function settle(phase: PostPhase, root: string, contentRoots: string[], pack: boolean): Linted {
  const { lookups } = phase;
  const packed = pack ? packPhase(phase, root) : undefined;
  if (packed) return fromPacked(packed, phase.result.file, root, contentRoots, lookups);
  delete phase.lookups;
  const imageFiles = phase.kept.images.map((image) => fileOf(image)!);
  return lookups ? { facts: phase.facts, imageFiles, phase, lookups } : { facts: phase.facts, imageFiles, phase };
}

/** A packed post (made now, or from the cache), as it is kept until the site rules run. */
export function fromPacked(
  packed: PackedPhase,
  file: string,
  root: string,
  contentRoots: string[],
  lookups?: PostPhase['lookups'],
): Linted {
  const linted: Linted = {
    facts: packedFacts(packed.numbers, packed.rest[4], file, contentRoots),
    imageFiles: packedImageFiles(packed, root),
    packed,
  };
  if (lookups) linted.lookups = lookups;
  return linted;
}

/** A Linted sent by a worker thread: a whole phase gets its methods back (a structured clone keeps only data). */
export function reviveLinted(linted: Linted): Linted {
  if (linted.phase) revivePhase(linted.phase);
  return linted;
}
