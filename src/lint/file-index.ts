import path from 'node:path';
import type { FileSystem } from '../deps.js';
import { closeNames, foldName } from '../text/similar.js';

/** How a path was found: as written, only with another letter case or Unicode normalization, or not at all. */
export type Lookup =
  | { status: 'found'; file: string }
  | { status: 'case'; file: string /** The names on disk for each segment of the path. */; actual: string[] }
  | {
      status: 'missing' /** The folder where the path stops matching, and names there that are close. */;
      folder: string;
      suggestions: string[];
    };

interface Listing {
  names: Set<string>;
  /** Names by folded name, made the first time a name is not found as written. */
  folded?: Map<string, string[]>;
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

/**
 * Answers "does this file exist, as written?" with one directory listing per folder, whatever the number of references.
 */
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
