/**
 * The lint cache of a whole-site run, as ESLint's `--cache` (and on by default, as Ruff's): each post's
 * post phase (its findings, and what the site rules read of it) kept with the post's size and mtime and
 * with the file lookups its images made. A post is not read again while its size and mtime are the same,
 * every lookup answers as it did (the photos it shows, or misses, are still so), and the site's config,
 * the rules and meetup-note itself are the same. The site rules always run again, on every post.
 *
 * What it trusts: size and mtime, as the term cache and git's index do. A post changed within two seconds
 * before a run is not kept (a file system with coarse mtimes could change it again within the same
 * second), nor is one with a date-future finding (the date comes, the finding goes).
 * Measured on the 10,000-post bench site: see README "Speed".
 */
import path from 'node:path';
import v8 from 'node:v8';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { cacheHome, shortHash } from '../io/cache.js';
import { writeFileAtomic } from '../io/files.js';
import type { EnabledRule } from './core.js';
import { type FileLookup, type LookupCall, answersAgain } from './file-index.js';
import { type PackedPhase, fullPath, shortPath } from './phase-pack.js';
import type { PostPhase } from './post-phase.js';

const VERSION = 1;

/** Set by the build (a digest of the sources): a rebuilt meetup-note does not reuse an older one's findings. */
declare const __BUILD_ID__: string | undefined;
const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'sources';

/** How recently changed a post may be and still be kept: coarse mtimes (FAT, HFS+) tick every one or two seconds. */
const SETTLED_MS = 2000;

/** A post kept by this run: its stat, its lookups (root taken out) and its packed phase. */
interface Entry {
  mtimeMs: number;
  size: number;
  calls: LookupCall[];
  answers: string;
  packed: PackedPhase;
}

/**
 * The cache file, in columns: one array of numbers and one of line starts for all posts (with where each post's
 * ends), one JSON text per post for its strings, lookups and rare parts. Read back, that is a few objects
 * instead of a few per post (measured: 10,000 entries as objects took 0.2 s to read and 60 MiB more).
 */
interface CacheFile {
  version: number;
  /** Everything else the findings depend on: meetup-note's build, Node, the site's config, the rules. */
  key: string;
  files: string[];
  /** mtimeMs and size of each post. */
  stats: Float64Array;
  numbers: Int32Array;
  numberEnds: Int32Array;
  lines: Int32Array;
  lineEnds: Int32Array;
  /** JSON of [strings, rest, calls, answers] for each post, in ASCII (see asciiJson). */
  texts: Uint8Array;
  textEnds: Int32Array;
}

type Text = [PackedPhase['strings'], PackedPhase['rest'], LookupCall[], string];

/**
 * JSON with every character past ASCII escaped: V8 then holds the text in one byte per character, not two (a
 * Japanese term would make the whole text two-byte: 19 MB instead of 10 for the 10,000-post bench site).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function cacheLocation(site: SiteConfig, env: Deps['env']): string | undefined {
  const home = cacheHome(env);
  return home && path.join(home, `lint-${shortHash(site.root)}.v8`);
}

/** What the findings of a post depend on besides the post and the files it links. */
function keyOf(site: SiteConfig, rules: EnabledRule[]): string {
  const enabled = rules.map(({ rule, severity }) => `${rule.meta.id}:${severity}`).join(',');
  return `${VERSION}\0${BUILD_ID}\0${process.version}\0${enabled}\0${JSON.stringify(site)}`;
}

const EMPTY: Omit<CacheFile, 'version' | 'key'> = {
  files: [],
  stats: new Float64Array(),
  numbers: new Int32Array(),
  numberEnds: new Int32Array(),
  lines: new Int32Array(),
  lineEnds: new Int32Array(),
  texts: new Uint8Array(),
  textEnds: new Int32Array(),
};

export class ResultCache {
  /** True when an entry was added or dropped: the caller saves. */
  changed = false;
  private readonly index = new Map<string, number>();
  private readonly added = new Map<string, Entry | undefined>();

  constructor(
    private readonly stored: Omit<CacheFile, 'version' | 'key'>,
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

  /** An entry read from the file, by its index. */
  private storedEntry(i: number): Entry {
    const { stats, numbers, numberEnds, lines, lineEnds, texts, textEnds } = this.stored;
    const bytes = Buffer.from(texts.buffer, texts.byteOffset, texts.length);
    const text = bytes.toString('latin1', i ? textEnds[i - 1] : 0, textEnds[i]);
    const [strings, rest, calls, answers] = JSON.parse(text) as Text;
    const packed: PackedPhase = {
      numbers: numbers.subarray(i ? numberEnds[i - 1] : 0, numberEnds[i]),
      strings,
      lines: lines.subarray(i ? lineEnds[i - 1] : 0, lineEnds[i]),
      rest,
    };
    return { mtimeMs: stats[i * 2]!, size: stats[i * 2 + 1]!, calls, answers, packed };
  }

  /** The packed post phase kept for a post, if the post and the files its images looked up are as they were. */
  get(file: string, stat: { size: number; mtimeMs: number }, files: FileLookup): PackedPhase | undefined {
    const short = shortPath(this.root, file);
    const i = this.index.get(short);
    const { stats } = this.stored;
    if (i === undefined || stats[i * 2] !== stat.mtimeMs || stats[i * 2 + 1] !== stat.size) return undefined;
    const entry = this.storedEntry(i);
    const calls = entry.calls.map(
      ([base, segments, lowerDirs]): LookupCall => [fullPath(this.root, base), segments, lowerDirs],
    );
    if (!answersAgain(files, calls, (answers) => this.shortAnswers(answers) === entry.answers)) return undefined;
    return entry.packed;
  }

  /** Keeps a post packed now (with its lookups), unless the post is too fresh or its findings will age. */
  set(
    file: string,
    stat: { size: number; mtimeMs: number } | undefined,
    packed: PackedPhase | undefined,
    lookups: PostPhase['lookups'],
  ): void {
    const short = shortPath(this.root, file);
    const keep =
      packed &&
      stat !== undefined &&
      lookups !== undefined &&
      stat.mtimeMs < this.settledBefore &&
      !packed.rest[3].some((d) => d.ruleId === 'date-future');
    if (!keep) {
      if (this.index.has(short) || this.added.get(short)) this.changed = true;
      this.added.set(short, undefined);
      return;
    }
    const calls = lookups.calls.map(
      ([base, segments, lowerDirs]): LookupCall => [shortPath(this.root, base), segments, lowerDirs],
    );
    const { mtimeMs, size } = stat;
    this.added.set(short, { mtimeMs, size, calls, answers: this.shortAnswers(lookups.answers), packed });
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

  serialize(): Uint8Array {
    const { stored } = this;
    const kept = [...this.index].filter(([short]) => !this.added.has(short));
    const added = [...this.added].filter((pair): pair is [string, Entry] => pair[1] !== undefined);
    // The stored posts' parts as they were read (not parsed and written again), then the posts linted now.
    const part = <T extends Int32Array | Uint8Array>(column: T, ends: Int32Array, i: number) =>
      column.subarray(i ? ends[i - 1] : 0, ends[i]) as T;
    const numbers = joined(Int32Array, [
      ...kept.map(([, i]) => part(stored.numbers, stored.numberEnds, i)),
      ...added.map(([, e]) => e.packed.numbers),
    ]);
    const lines = joined(Int32Array, [
      ...kept.map(([, i]) => part(stored.lines, stored.lineEnds, i)),
      ...added.map(([, e]) => e.packed.lines),
    ]);
    const texts = joined(Uint8Array, [
      ...kept.map(([, i]) => part(stored.texts, stored.textEnds, i)),
      ...added.map(([, { calls, answers, packed }]) =>
        Buffer.from(asciiJson([packed.strings, packed.rest, calls, answers] satisfies Text), 'latin1'),
      ),
    ]);
    const stats = Float64Array.from([
      ...kept.flatMap(([, i]) => [stored.stats[i * 2]!, stored.stats[i * 2 + 1]!]),
      ...added.flatMap(([, e]) => [e.mtimeMs, e.size]),
    ]);
    const file: CacheFile = {
      version: VERSION,
      key: this.key,
      files: [...kept.map(([short]) => short), ...added.map(([short]) => short)],
      stats,
      numbers: numbers.values,
      numberEnds: numbers.ends,
      lines: lines.values,
      lineEnds: lines.ends,
      texts: texts.values,
      textEnds: texts.ends,
    };
    return v8.serialize(file);
  }
}

/** Parts laid end to end in one array, with where each ends. */
function joined<T extends Int32Array | Uint8Array>(
  Type: { new (length: number): T },
  parts: ArrayLike<number>[],
): { values: T; ends: Int32Array } {
  const values = new Type(parts.reduce((n, p) => n + p.length, 0));
  const ends = new Int32Array(parts.length);
  let at = 0;
  for (const [i, p] of parts.entries()) {
    values.set(p, at);
    ends[i] = at += p.length;
  }
  return { values, ends };
}

/** The site's lint cache, or an empty one (none yet, unreadable, or made for another config or build). */
export async function loadResultCache(deps: Deps, site: SiteConfig, rules: EnabledRule[]): Promise<ResultCache> {
  const key = keyOf(site, rules);
  const settledBefore = deps.now().getTime() - SETTLED_MS;
  const location = cacheLocation(site, deps.env);
  if (location) {
    try {
      const loaded = v8.deserialize(await deps.fs.readFile(location)) as CacheFile;
      if (loaded.version === VERSION && loaded.key === key && loaded.stats instanceof Float64Array) {
        return new ResultCache(loaded, key, settledBefore, site.root);
      }
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
    await writeFileAtomic(deps.fs, location, cache.serialize());
  } catch {
    // A cache that cannot be written only makes the next run slower.
  }
}
