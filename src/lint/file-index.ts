import path from 'node:path';
import type { FileSystem } from '../deps.js';

/** How a path was found: as written, only with another letter case or Unicode normalization, or not at all. */
export type Lookup =
  | { status: 'found'; file: string }
  | { status: 'case'; file: string; /** The names on disk for each segment of the path. */ actual: string[] }
  | { status: 'missing'; /** The folder where the path stops matching, and names there that are close. */ folder: string; suggestions: string[] };

interface Listing {
  names: Set<string>;
  folded: Map<string, string[]>;
}

/** Folds what macOS and Windows file systems treat as the same name: letter case and NFC/NFD. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
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

/** Answers "does this file exist, as written?" with one directory listing per folder, whatever the number of references. */
export class FileIndex {
  private readonly listings = new Map<string, Promise<Listing | undefined>>();

  constructor(private readonly fs: FileSystem) {}

  private list(dir: string): Promise<Listing | undefined> {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = this.fs.readdir(dir).then(
        (names) => {
          const folded = new Map<string, string[]>();
          for (const name of names) {
            const key = foldName(name);
            folded.set(key, [...(folded.get(key) ?? []), name]);
          }
          return { names: new Set(names), folded };
        },
        () => undefined,
      );
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /** Looks up `segments` (already decoded, no `.` or `..`) under the absolute folder `base`. */
  async lookup(base: string, segments: string[]): Promise<Lookup> {
    let dir = base;
    const actual: string[] = [];
    let caseDiffers = false;
    for (const segment of segments) {
      const listing = await this.list(dir);
      if (!listing) return { status: 'missing', folder: dir, suggestions: [] };
      let name: string | undefined = listing.names.has(segment) ? segment : undefined;
      if (!name) {
        const matches = listing.folded.get(foldName(segment));
        if (matches?.length) {
          name = matches[0]!;
          caseDiffers = true;
        }
      }
      if (!name) return { status: 'missing', folder: dir, suggestions: closeNames(segment, listing.names) };
      actual.push(name);
      dir = path.join(dir, name);
    }
    return caseDiffers ? { status: 'case', file: dir, actual } : { status: 'found', file: dir };
  }
}
