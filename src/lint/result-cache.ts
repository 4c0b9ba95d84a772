/**
 * The lint cache of a whole-site run, as ESLint's `--cache` (and on by default, as Ruff's): each post's
 * post phase (its findings, and what the site rules read of it) kept with the post's size and mtime and
 * with the file lookups its images made. A post is not read again while its size and mtime are the same,
 * every lookup answers as it did (the photos it shows, or misses, are still so), and the site's config,
 * the rules and meetup-note itself are the same. The site rules always run again, on every post.
 *
 * A post whose size or mtime changed is read and known by a SHA-1 of its bytes (a git checkout or a CI clone
 * gives every file a new mtime); its new size and mtime are then kept.
 * What it trusts: size and mtime, as the term cache and git's index do, except an mtime within two seconds
 * before the run (a file system with coarse mtimes could change the post again within the same second): such a
 * post is known by its bytes only. Not kept: a post with a date-future finding (the date comes, the finding goes).
 * Measured on the 10,000-post bench site: see README "Speed".
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import os from 'node:os';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { cacheHome, shortHash } from '../io/cache.js';
import { writeFileAtomic } from '../io/files.js';
import { contentDigest } from './digest.js';
import type { EnabledRule } from './core.js';
import { type FileLookup, type LookupCall, answersAgain } from './file-index.js';
import { type PackedPhase, type StoredPhase, bodyOf, fullPath, packedImageFiles, shortPath } from './phase-pack.js';
import type { LintedFacts, PostPhase } from './post-phase.js';

const VERSION = 3;

/** Set by the build (a digest of the sources): a rebuilt meetup-note does not reuse an older one's findings. */
declare const __BUILD_ID__: string | undefined;
const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'sources';

/** An mtime this recent is not trusted (the post is known by its bytes): coarse mtimes (FAT, HFS+) tick every 1-2 s. */
const SETTLED_MS = 2000;

/** A post kept by this run, as the file will hold it (encoded when kept: nothing else of it is held until saved). */
interface Added {
  mtimeMs: number;
  size: number;
  numbers: Int32Array;
  lines: Int32Array;
  check: Uint8Array;
  body: Uint8Array;
  digest: Uint8Array;
}

/**
 * The posts of the cache file, in columns: one array of numbers, one of line starts and one of digests for all
 * posts (with where each post's part ends), then per post a check (lookups, terms, image files: JSON) and a body
 * (strings and rare parts: see bodyOf). Read back, that is a few objects instead of dozens per post (measured:
 * 10,000 posts as structured clones took 0.6 s to read and 45 MB).
 */
interface Columns {
  files: string[];
  /** mtimeMs and size of each post. */
  stats: Float64Array;
  /** The SHA-1 of each post's bytes, 20 bytes each. */
  digests: Uint8Array;
  numbers: Int32Array;
  numberEnds: Int32Array;
  lines: Int32Array;
  lineEnds: Int32Array;
  /** JSON of [calls, answers, terms, image files] for each post, in UTF-8: read when the post is looked up. */
  checks: Uint8Array;
  checkEnds: Int32Array;
  /** The packed phase's [strings, rest], V8-serialized: read only when its site rules run. */
  bodies: Uint8Array;
  bodyEnds: Int32Array;
}

type Check = [calls: LookupCall[], answers: string, terms: LintedFacts['terms'], imageFiles: string[]];

function cacheLocation(site: SiteConfig, env: Deps['env']): string | undefined {
  const home = cacheHome(env);
  return home && path.join(home, `lint-${shortHash(site.root)}.bin`);
}

/** What the findings of a post depend on besides the post and the files it links. */
function keyOf(site: SiteConfig, rules: EnabledRule[]): string {
  const enabled = rules.map(({ rule, severity }) => `${rule.meta.id}:${severity}`).join(',');
  return `${VERSION}\0${BUILD_ID}\0${process.version}\0${os.endianness()}\0${enabled}\0${JSON.stringify(site)}`;
}

const EMPTY: Columns = {
  files: [],
  stats: new Float64Array(),
  digests: new Uint8Array(),
  numbers: new Int32Array(),
  numberEnds: new Int32Array(),
  lines: new Int32Array(),
  lineEnds: new Int32Array(),
  checks: new Uint8Array(),
  checkEnds: new Int32Array(),
  bodies: new Uint8Array(),
  bodyEnds: new Int32Array(),
};

export { contentDigest };

export class ResultCache {
  /** True when an entry was added or dropped: the caller saves. */
  changed = false;
  private readonly index = new Map<string, number>();
  private readonly added = new Map<string, Added | undefined>();
  /** Stored posts found by their bytes, with the size and mtime they have now. */
  private readonly restat = new Map<string, { size: number; mtimeMs: number }>();

  constructor(
    private readonly stored: Columns,
    private readonly key: string,
    /** Posts changed after this time are not kept. */
    private readonly settledBefore: number,
    private readonly root: string,
  ) {
    for (const [i, file] of stored.files.entries()) this.index.set(file, i);
  }

  /** The answers of lookups with the site's root taken out of their paths (shorter, and a moved site still agrees). */
  private shortAnswers(answers: string): string {
    return answers.replaceAll(`${this.root}${path.sep}`, '\u0001');
  }

  /** Part i of a column with where each part ends. */
  private part<T extends Int32Array | Uint8Array>(column: T, ends: Int32Array, i: number): T {
    return column.subarray(i ? ends[i - 1] : 0, ends[i]) as T;
  }

  /**
   * How a post stands to its entry: `same` when its size and mtime are those kept, `check` when they are not
   * but an entry is there (the bytes may be the same: a checkout or a CI clone gives every file a new mtime),
   * `none` without an entry.
   */
  standing(file: string, stat: { size: number; mtimeMs: number }): 'same' | 'check' | 'none' {
    const short = shortPath(this.root, file);
    const i = this.index.get(short);
    if (i === undefined || this.added.has(short)) return 'none';
    const { stats } = this.stored;
    return stats[i * 2] === stat.mtimeMs && stats[i * 2 + 1] === stat.size ? 'same' : 'check';
  }

  /**
   * True when the post's bytes are those kept (by their digest); its new size and mtime are then kept instead, once
   * settled, so the next run need not read it.
   */
  sameBytes(file: string, stat: { size: number; mtimeMs: number }, bytes: Uint8Array): boolean {
    const short = shortPath(this.root, file);
    const i = this.index.get(short);
    if (i === undefined) return false;
    const kept = this.stored.digests.subarray(i * 20, i * 20 + 20);
    if (Buffer.compare(contentDigest(bytes), kept) !== 0) return false;
    if (stat.mtimeMs < this.settledBefore) {
      this.restat.set(short, stat);
      this.changed = true;
    }
    return true;
  }

  /** What is kept of a post whose bytes are as they were, if the files its images looked up are too. */
  get(
    file: string,
    files: FileLookup,
  ): (StoredPhase & { terms: LintedFacts['terms']; imageFiles: string[] }) | undefined {
    const i = this.index.get(shortPath(this.root, file));
    if (i === undefined) return undefined;
    const { numbers, numberEnds, lines, lineEnds, checks, checkEnds, bodies, bodyEnds } = this.stored;
    let check: Check;
    try {
      check = JSON.parse(Buffer.from(this.part(checks, checkEnds, i)).toString('utf8')) as Check;
    } catch {
      // A damaged entry (a disk error): the post is linted again.
      return undefined;
    }
    const [shortCalls, answers, terms, imageFiles] = check;
    const calls = shortCalls.map(
      ([base, segments, lowerDirs]): LookupCall => [fullPath(this.root, base), segments, lowerDirs],
    );
    if (!answersAgain(files, calls, (now) => this.shortAnswers(now) === answers)) return undefined;
    return {
      numbers: this.part(numbers, numberEnds, i),
      lines: this.part(lines, lineEnds, i),
      body: this.part(bodies, bodyEnds, i),
      // JSON has no undefined: a post without readable front matter has no terms.
      terms: terms ?? undefined,
      imageFiles: imageFiles.map((short) => fullPath(this.root, short)),
    };
  }

  /**
   * Keeps a post packed now (with its lookups and digest), unless its findings will age. A post changed in the last
   * two seconds is kept without its mtime: the next run knows it by its bytes only (a CI run lints posts a clone
   * wrote seconds before, run after run).
   */
  set(
    file: string,
    stat: { size: number; mtimeMs: number } | undefined,
    packed: PackedPhase | undefined,
    lookups: PostPhase['lookups'],
  ): void {
    // (The digest of its bytes comes with the lookups, made where the bytes were read.)
    const short = shortPath(this.root, file);
    const keep =
      packed && stat !== undefined && lookups !== undefined && !packed.rest[3].some((d) => d.ruleId === 'date-future');
    if (!keep) {
      if (this.index.has(short) || this.added.get(short)) this.changed = true;
      this.added.set(short, undefined);
      return;
    }
    const calls = lookups.calls.map(
      ([base, segments, lowerDirs]): LookupCall => [shortPath(this.root, base), segments, lowerDirs],
    );
    // NaN equals no mtime: the post's standing is then `check`, by its bytes.
    const mtimeMs = stat.mtimeMs < this.settledBefore ? stat.mtimeMs : Number.NaN;
    const { size } = stat;
    const imageFiles = packedImageFiles(packed, this.root).map((file) => shortPath(this.root, file));
    const check: Check = [calls, this.shortAnswers(lookups.answers), packed.rest[4], imageFiles];
    this.added.set(short, {
      mtimeMs,
      size,
      numbers: packed.numbers,
      lines: packed.lines,
      check: Buffer.from(JSON.stringify(check)),
      body: bodyOf(packed),
      digest: lookups.digest,
    });
    this.changed = true;
  }

  /** Drops the entries of posts that are gone (a run over the whole site knows them all). */
  keepOnly(files: string[]): void {
    const live = new Set(files.map((file) => shortPath(this.root, file)));
    for (const short of [...this.index.keys(), ...this.added.keys()]) {
      if (live.has(short)) continue;
      if (this.index.delete(short) || this.added.get(short)) this.changed = true;
      this.added.delete(short);
    }
  }

  /** The cache file's pieces, in order: the stored posts' parts as read (not parsed again), then this run's. */
  pieces(): Uint8Array[] {
    const { stored } = this;
    const kept = [...this.index].filter(([short]) => !this.added.has(short));
    const added = [...this.added].filter((pair): pair is [string, Added] => pair[1] !== undefined);
    // Each column: the stored posts' parts, then this run's, with where each ends.
    const column = <T extends Int32Array | Uint8Array>(values: T, ends: Int32Array, addedPart: (e: Added) => T) => {
      const parts = [...kept.map(([, i]) => this.part(values, ends, i)), ...added.map(([, e]) => addedPart(e))];
      const partEnds = new Int32Array(parts.length);
      let at = 0;
      for (const [i, p] of parts.entries()) partEnds[i] = at += p.length;
      return { parts, ends: partEnds };
    };
    const numbers = column(stored.numbers, stored.numberEnds, (e) => e.numbers);
    const lines = column(stored.lines, stored.lineEnds, (e) => e.lines);
    const checks = column(stored.checks, stored.checkEnds, (e) => e.check);
    const bodies = column(stored.bodies, stored.bodyEnds, (e) => e.body);
    const stats = Float64Array.from([
      ...kept.flatMap(([short, i]) => {
        const now = this.restat.get(short);
        return now ? [now.mtimeMs, now.size] : [stored.stats[i * 2]!, stored.stats[i * 2 + 1]!];
      }),
      ...added.flatMap(([, e]) => [e.mtimeMs, e.size]),
    ]);
    const digests = [
      ...kept.map(([, i]) => stored.digests.subarray(i * 20, i * 20 + 20)),
      ...added.map(([, e]) => e.digest),
    ];
    const header: Omit<Header, 'sha1'> = {
      version: VERSION,
      key: this.key,
      files: [...kept.map(([short]) => short), ...added.map(([short]) => short)],
      lengths: [numbers, lines, checks, bodies].map(({ ends }) => (ends.length ? ends[ends.length - 1]! : 0)),
    };
    return encodeFile(header, [
      [stats],
      digests,
      numbers.parts,
      [numbers.ends],
      lines.parts,
      [lines.ends],
      checks.parts,
      [checks.ends],
      bodies.parts,
      [bodies.ends],
    ]);
  }
}

/** What the file starts with (JSON, after its length in 4 bytes): the rest is the columns, raw, 8-byte aligned. */
interface Header {
  version: number;
  /** Everything else the findings depend on: meetup-note's build, Node, the site's config, the rules. */
  key: string;
  files: string[];
  /** The number of values of the numbers, lines, checks and bodies columns. */
  lengths: number[];
  /** Of every byte after the header. */
  sha1: string;
}

const pad = (length: number) => (8 - (length % 8)) % 8;

/**
 * The file as pieces to write one after another (no copy of the columns into one buffer): the header, then
 * each column's parts, each column padded to 8 bytes. Native byte order (the key names it).
 */
function encodeFile(header: Omit<Header, 'sha1'>, columns: ArrayBufferView[][]): Uint8Array[] {
  const body: Uint8Array[] = [];
  for (const parts of columns) {
    let bytes = 0;
    for (const p of parts) {
      body.push(new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
      bytes += p.byteLength;
    }
    if (pad(bytes)) body.push(new Uint8Array(pad(bytes)));
  }
  const hash = createHash('sha1');
  for (const piece of body) hash.update(piece);
  const json = Buffer.from(JSON.stringify({ ...header, sha1: hash.digest('hex') } satisfies Header));
  const head = Buffer.alloc(4 + json.length + pad(4 + json.length));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  return [head, ...body];
}

/** The columns of a cache file, as views into its bytes (nothing copied). */
function decodeFile(bytes: Uint8Array): { header: Header; columns: Columns } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const length = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.toString('utf8', 4, 4 + length)) as Header;
  const [numberCount, lineCount, checkCount, bodyCount] = header.lengths as [number, number, number, number];
  const count = header.files.length;
  // Typed arrays need aligned offsets: a copy of the bytes into a fresh buffer when they do not start at 0 mod 8.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  let at = aligned.byteOffset + 4 + length + pad(4 + length);
  // A file damaged on disk (a bit flipped in a number would move a finding, not break the read) is no cache.
  const sha1 = createHash('sha1')
    .update(aligned.subarray(at - aligned.byteOffset))
    .digest('hex');
  if (sha1 !== header.sha1) throw new Error('a damaged lint cache');
  const take = <T>(
    Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
    n: number,
  ) => {
    const view = new Type(aligned.buffer, at, n);
    at += n * Type.BYTES_PER_ELEMENT;
    at += pad(n * Type.BYTES_PER_ELEMENT);
    return view;
  };
  const columns = {
    files: header.files,
    stats: take(Float64Array, count * 2),
    digests: take(Uint8Array, count * 20),
    numbers: take(Int32Array, numberCount),
    numberEnds: take(Int32Array, count),
    lines: take(Int32Array, lineCount),
    lineEnds: take(Int32Array, count),
    checks: take(Uint8Array, checkCount),
    checkEnds: take(Int32Array, count),
    bodies: take(Uint8Array, bodyCount),
    bodyEnds: take(Int32Array, count),
  };
  if (at !== aligned.byteOffset + aligned.length) throw new Error('not a lint cache of this version');
  return { header, columns };
}

/** The site's lint cache, or an empty one (none yet, unreadable, or made for another config or build). */
export async function loadResultCache(deps: Deps, site: SiteConfig, rules: EnabledRule[]): Promise<ResultCache> {
  const key = keyOf(site, rules);
  const settledBefore = deps.now().getTime() - SETTLED_MS;
  const location = cacheLocation(site, deps.env);
  if (location) {
    try {
      const { header, columns } = decodeFile(await deps.fs.readFile(location));
      if (header.version === VERSION && header.key === key)
        return new ResultCache(columns, key, settledBefore, site.root);
    } catch {
      // No cache yet, or one that cannot be read: start afresh.
    }
  }
  return new ResultCache(EMPTY, key, settledBefore, site.root);
}

export async function saveResultCache(deps: Deps, site: SiteConfig, cache: ResultCache): Promise<void> {
  const location = cacheLocation(site, deps.env);
  if (!location || !cache.changed) return;
  try {
    await deps.fs.mkdir(path.dirname(location), { recursive: true });
    await writeFileAtomic(deps.fs, location, cache.pieces());
  } catch {
    // A cache that cannot be written only makes the next run slower.
  }
}
