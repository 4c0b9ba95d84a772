import path from 'node:path';
import type { FileSystem } from '../deps.js';

/** How a path was found: as written, only with another letter case or Unicode normalization, or not at all. */
export type Lookup =
  | { status: 'found'; file: string }
  | { status: 'case'; file: string; /** The names on disk for each segment of the path. */ actual: string[] }
  | { status: 'missing'; /** The folder where the path stops matching, and names there that are close. */ folder: string; suggestions: string[] };

interface Listing {
  names: Set<string>;
  /** Names by folded name, made the first time a name is not found as written. */
  folded?: Map<string, string[]>;
}

/** Folds what macOS and Windows file systems treat as the same name: letter case and NFC/NFD. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Edit distance where swapping two neighbours (Rsut -> Rust) is one edit, not two. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Names close to the one asked for: same name with another extension, or a small typo. */
export function closeNames(name: string, names: Iterable<string>): string[] {
  const wanted = foldName(name);
  const stem = wanted.replace(/\.[^.]*$/, '');
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 4)));
  const scored: [string, number][] = [];
  for (const candidate of names) {
    const folded = foldName(candidate);
    const score = folded.replace(/\.[^.]*$/, '') === stem ? 0 : distance(wanted, folded);
    if (score <= limit) scored.push([candidate, score]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([candidate]) => candidate);
}

function foldedNames(names: Set<string>): Map<string, string[]> {
  const folded = new Map<string, string[]>();
  for (const name of names) {
    const key = foldName(name);
    const same = folded.get(key);
    if (same) same.push(name);
    else folded.set(key, [name]);
  }
  return folded;
}

/** Answers "does this file exist, as written?" with one directory listing per folder, whatever the number of references. */
export class FileIndex {
  private readonly listings = new Map<string, Promise<Listing | undefined>>();
  /** Listings already read, to walk a path without waiting: most folders are asked about more than once. */
  private readonly read = new Map<string, Listing | undefined>();

  constructor(
    private readonly fs: FileSystem,
    known?: Map<string, string[]>,
  ) {
    if (known) for (const [dir, names] of known) this.read.set(dir, { names: new Set(names) });
  }

  private list(dir: string): Promise<Listing | undefined> {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = this.fs.readdir(dir).then(
        (names) => ({ names: new Set(names) }),
        () => undefined,
      );
      listing.then((value) => this.read.set(dir, value));
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /**
   * Looks up `segments` (already decoded, no `.` or `..`) under the absolute folder `base`. With
   * `lowerDirs`, a folder is also found by its name in lower case (Hugo's published page path).
   */
  async lookup(base: string, segments: string[], lowerDirs = false): Promise<Lookup> {
    let dir = base;
    const actual: string[] = [];
    let caseDiffers = false;
    for (const [i, segment] of segments.entries()) {
      const listing = this.read.has(dir) ? this.read.get(dir) : await this.list(dir);
      if (!listing) return { status: 'missing', folder: dir, suggestions: [] };
      const pagePath = lowerDirs && i < segments.length - 1;
      let name: string | undefined = listing.names.has(segment) ? segment : undefined;
      if (!name) {
        listing.folded ??= foldedNames(listing.names);
        const matches = listing.folded.get(foldName(segment));
        // A page path is served in lower case: `python-custom` is the folder `Python-Custom`, as written.
        name = pagePath ? matches?.find((candidate) => candidate.toLowerCase() === segment) : undefined;
        if (!name && matches?.length) {
          name = matches[0]!;
          caseDiffers = true;
        }
      }
      if (!name) return { status: 'missing', folder: dir, suggestions: closeNames(segment, listing.names) };
      // The name a URL must use: the file's own, or for a page path its lower-case form.
      const published = pagePath ? name.toLowerCase() : name;
      if (published !== segment) caseDiffers = true;
      actual.push(published);
      dir = `${dir}${path.sep}${name}`;
    }
    return caseDiffers ? { status: 'case', file: dir, actual } : { status: 'found', file: dir };
  }
}
