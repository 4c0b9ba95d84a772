import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { getField } from '../post/parse.js';
import { allPostTerms } from './term-cache.js';

const folds = new Map<string, string>();

/** Terms that Hugo files under one URL: the same after NFKC (ＧＯ -> GO) and case folding. */
export function foldTerm(term: string): string {
  let fold = folds.get(term);
  if (fold === undefined) {
    fold = term.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
    folds.set(term, fold);
  }
  return fold;
}

/**
 * A front matter value as Hugo makes it a term (cast.ToString): strings as they are, numbers and
 * booleans as their text (2024, true, 1.10 -> "1.1"), a TOML date as its day; anything else
 * (a table, a nested list, null) is no term.
 */
export function termOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  // @iarna/toml's dates print as written in ISO form (a local date as its day, as Hugo's term shows it).
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/** The terms of each taxonomy in parsed front matter, as Hugo reads them: a lone value counts as one term. */
export function termsOfData(data: Record<string, unknown>, taxonomies: string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const taxonomy of taxonomies) {
    const value = getField(data, taxonomy);
    const terms = (Array.isArray(value) ? value : [value]).map(termOf).filter((v): v is string => v !== undefined);
    if (terms.length) result[taxonomy] = terms;
  }
  return result;
}

export interface Spelling {
  term: string;
  /** Posts that use this spelling. */
  count: number;
}

/** Every term of the site per taxonomy, grouped by folded spelling, with how many posts use each spelling. */
export class TermIndex {
  private readonly groups = new Map<string, Map<string, Map<string, number>>>();

  /** Counts one post's terms (each spelling once per post). */
  add(termsByTaxonomy: Record<string, string[]>): void {
    for (const [taxonomy, terms] of Object.entries(termsByTaxonomy)) {
      const key = taxonomy.toLowerCase();
      let byFold = this.groups.get(key);
      if (!byFold) this.groups.set(key, (byFold = new Map()));
      for (const term of new Set(terms)) {
        if (!term.trim()) continue;
        const fold = foldTerm(term);
        let spellings = byFold.get(fold);
        if (!spellings) byFold.set(fold, (spellings = new Map()));
        spellings.set(term, (spellings.get(term) ?? 0) + 1);
      }
    }
  }

  /** Adds what `counts` gave: `count` posts with this spelling (a saved summary of the site). */
  addCount(taxonomy: string, term: string, count: number): void {
    const key = taxonomy.toLowerCase();
    let byFold = this.groups.get(key);
    if (!byFold) this.groups.set(key, (byFold = new Map()));
    const fold = foldTerm(term);
    let spellings = byFold.get(fold);
    if (!spellings) byFold.set(fold, (spellings = new Map()));
    spellings.set(term, (spellings.get(term) ?? 0) + count);
  }

  /** Every spelling with its number of posts, to save and `addCount` back. */
  counts(): [taxonomy: string, term: string, count: number][] {
    const out: [string, string, number][] = [];
    for (const [taxonomy, byFold] of this.groups)
      for (const spellings of byFold.values()) for (const [term, count] of spellings) out.push([taxonomy, term, count]);
    return out;
  }

  /** The spellings of a term across the site, most used first. */
  spellings(taxonomy: string, term: string): Spelling[] {
    const spellings = this.groups.get(taxonomy.toLowerCase())?.get(foldTerm(term));
    if (!spellings) return [];
    return [...spellings]
      .map(([spelling, count]) => ({ term: spelling, count }))
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
  }

  /** Every group of a taxonomy: folded key -> spellings, most used first. */
  all(taxonomy: string): Spelling[][] {
    const byFold = this.groups.get(taxonomy.toLowerCase());
    if (!byFold) return [];
    return [...byFold.values()].map((spellings) =>
      [...spellings]
        .map(([term, count]) => ({ term, count }))
        .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1)),
    );
  }
}

/** How often each term is used per taxonomy, most used first (ties by name). */
export type TermCounts = Record<string, { term: string; count: number }[]>;

export function countTerms(posts: Record<string, string[]>[], taxonomies: string[]): TermCounts {
  const result: TermCounts = {};
  for (const taxonomy of taxonomies) {
    const counts = new Map<string, number>();
    for (const terms of posts)
      for (const term of new Set(terms[taxonomy] ?? [])) if (term.trim()) counts.set(term, (counts.get(term) ?? 0) + 1);
    result[taxonomy] = [...counts]
      .map(([term, count]) => ({ term, count }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
  }
  return result;
}

/** The terms the site already uses, for `new` to offer (through the term cache). */
export async function siteTermCounts(deps: Deps, site: SiteConfig, taxonomies: string[]): Promise<TermCounts> {
  const terms = await allPostTerms(deps, site, true);
  const posts = [...terms.values()].filter((t): t is Record<string, string[]> => t !== null);
  return countTerms(posts, taxonomies);
}

/** Folds every alias of the config once: `golang` and `Golang` find `Go`. */
const aliasMaps = new WeakMap<Record<string, string>, Map<string, string>>();

/** The configured canonical term of an alias (matched after folding), if the term is one and is not it already. */
export function aliasOf(aliases: Record<string, string>, term: string): string | undefined {
  let folded = aliasMaps.get(aliases);
  if (!folded) {
    folded = new Map();
    for (const [alias, target] of Object.entries(aliases))
      if (!folded.has(foldTerm(alias))) folded.set(foldTerm(alias), target);
    aliasMaps.set(aliases, folded);
  }
  const target = folded.get(foldTerm(term));
  return target !== undefined && target !== term ? target : undefined;
}

/** Why the site spells a term another way: an alias, its vocabulary, or the posts that use that spelling. */
export type SpellingSource = { kind: 'alias' } | { kind: 'vocabulary' } | { kind: 'posts'; count: number };

/**
 * The spelling the site writes a term in, when it is not the one given: its [aliases] target, else
 * its vocabulary's spelling, else the spelling most of its posts use (then that one's alias target).
 * These are the spellings lint's tag-alias and tag-variant ask for. `spellings`: the site's spellings
 * of the term in this taxonomy (those that fold to it), most used first.
 */
export function siteSpelling(
  term: string,
  taxonomy: string,
  site: Pick<SiteConfig, 'aliases' | 'vocabulary'>,
  spellings: Spelling[],
): { term: string; source: SpellingSource } | undefined {
  const alias = aliasOf(site.aliases, term);
  if (alias !== undefined) return { term: alias, source: { kind: 'alias' } };
  const fold = foldTerm(term);
  const vocabulary = vocabularyFor(site.vocabulary, taxonomy)?.find((entry) => foldTerm(entry) === fold);
  if (vocabulary !== undefined)
    return vocabulary === term ? undefined : { term: vocabulary, source: { kind: 'vocabulary' } };
  const top = spellings.find((spelling) => foldTerm(spelling.term) === fold);
  if (!top || top.term === term) return undefined;
  const preferred = aliasOf(site.aliases, top.term) ?? top.term;
  return preferred === term ? undefined : { term: preferred, source: { kind: 'posts', count: top.count } };
}

/** The vocabulary of a taxonomy (its key matches case-insensitively), if one is configured. */
export function vocabularyFor(vocabulary: Record<string, string[]>, taxonomy: string): string[] | undefined {
  const key = Object.keys(vocabulary).find((k) => k.toLowerCase() === taxonomy.toLowerCase());
  return key === undefined ? undefined : vocabulary[key];
}
