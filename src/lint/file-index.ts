import path from 'node:path';
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

/** A folder's names, or undefined when it cannot be listed (missing, not a folder, no permission). */
export type ListFolder = (dir: string) => string[] | undefined;

/** The file system as lint's rules see it: a question about one path, answered synchronously. */
export interface FileLookup {
  lookup(base: string, segments: string[], lowerDirs?: boolean): Lookup;
}

/** A question a post's images asked of the file index: to ask it again when the post's findings are reused. */
export type LookupCall = [base: string, segments: string[], lowerDirs: boolean];

/**
 * A lookup's answer as one string: equal strings, equal answers (the findings built on it are the same). A file
 * found where the question pointed is `f` alone.
 */
export function lookupAnswer(lookup: Lookup, base: string, segments: string[]): string {
  if (lookup.status === 'found') return lookup.file === [base, ...segments].join(path.sep) ? 'f' : `f${lookup.file}`;
  if (lookup.status === 'case') return `c${lookup.file}\0${lookup.actual.join('\0')}`;
  return `m${lookup.folder}\0${lookup.suggestions.join('\0')}`;
}

/** A file lookup that keeps the questions asked and the answers given (the lint cache stores them). */
export class RecordedLookup implements FileLookup {
  readonly calls: LookupCall[] = [];
  answers = '';

  constructor(private readonly files: FileLookup) {}

  lookup(base: string, segments: string[], lowerDirs = false): Lookup {
    const answer = this.files.lookup(base, segments, lowerDirs);
    this.calls.push([base, segments, lowerDirs]);
    this.answers += `${lookupAnswer(answer, base, segments)}\n`;
    return answer;
  }
}

/** Whether the questions answered now give what `same` wants (the answers of a RecordedLookup, as one string). */
export function answersAgain(files: FileLookup, calls: LookupCall[], same: (answers: string) => boolean): boolean {
  let now = '';
  for (const [base, segments, lowerDirs] of calls) {
    now += `${lookupAnswer(files.lookup(base, segments, lowerDirs), base, segments)}\n`;
  }
  return same(now);
}

/**
 * Answers "does this file exist, as written?" with one directory listing per folder, whatever the number of
 * references. Listings are read when first asked for, synchronously (a whole-site run asks about the same few
 * folders thousands of times: a promise per question cost more than the listings), or given up front.
 */
export class FileIndex implements FileLookup {
  private readonly listings = new Map<string, Listing | undefined>();

  constructor(
    private readonly listFolder: ListFolder,
    known?: Map<string, string[]>,
  ) {
    if (known) for (const [dir, names] of known) this.listings.set(dir, { names: new Set(names) });
  }

  private list(dir: string): Listing | undefined {
    if (this.listings.has(dir)) return this.listings.get(dir);
    const names = this.listFolder(dir);
    const listing = names && { names: new Set(names) };
    this.listings.set(dir, listing);
    return listing;
  }

  /**
   * Looks up `segments` (already decoded, no `.` or `..`) under the absolute folder `base`. With
   * `lowerDirs`, a folder is also found by its name in lower case (Hugo's published page path).
   */
  lookup(base: string, segments: string[], lowerDirs = false): Lookup {
    let dir = base;
    const actual: string[] = [];
    let caseDiffers = false;
    for (const [i, segment] of segments.entries()) {
      const listing = this.list(dir);
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
