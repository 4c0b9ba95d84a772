import { aliasOf, foldTerm, vocabularyFor } from '../site/terms.js';

export interface Variant {
  term: string;
  count: number;
  /** True when the spelling is an alias in meetup-note.toml. */
  alias?: boolean;
}

/** One term of a taxonomy: its canonical spelling and every post that uses it under any spelling. */
export interface TagEntry {
  term: string;
  /** Posts that use the term, under any of its spellings. */
  count: number;
  /** Those posts, relative to the site root. */
  files: string[];
  /** The other spellings that fold to it (NFKC, case) or are its aliases, most used first. */
  variants: Variant[];
  /** Not in the taxonomy's configured vocabulary. */
  unknown?: boolean;
  /** In the vocabulary, but no post uses it. */
  unused?: boolean;
}

export type TagReport = Record<string, TagEntry[]>;

export interface PostTermList {
  /** Relative to the site root. */
  file: string;
  terms: Record<string, string[]>;
}

export interface ReportSettings {
  taxonomies: string[];
  vocabulary: Record<string, string[]>;
  aliases: Record<string, string>;
}

const byCount = (a: { term: string; count: number }, b: { term: string; count: number }) =>
  b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/**
 * Every term of each taxonomy with its posts. Spellings that fold to the same term, and aliases with
 * their target, make one entry under the canonical spelling: the vocabulary's, else the alias
 * target, else the spelling most posts use.
 */
export function buildTagReport(posts: PostTermList[], settings: ReportSettings): TagReport {
  const report: TagReport = {};
  for (const taxonomy of settings.taxonomies) {
    const vocabulary = vocabularyFor(settings.vocabulary, taxonomy);
    const clusters = new Map<string, { spellings: Map<string, Set<string>>; target?: string }>();
    for (const post of posts) {
      for (const term of new Set(post.terms[taxonomy] ?? [])) {
        if (!term.trim()) continue;
        const target = aliasOf(settings.aliases, term);
        const key = foldTerm(target ?? term);
        let cluster = clusters.get(key);
        if (!cluster) clusters.set(key, (cluster = { spellings: new Map() }));
        if (target !== undefined) cluster.target = target;
        let files = cluster.spellings.get(term);
        if (!files) cluster.spellings.set(term, (files = new Set()));
        files.add(post.file);
      }
    }
    const entries: TagEntry[] = [];
    for (const [key, cluster] of clusters) {
      const spellings = [...cluster.spellings].map(([term, files]) => ({ term, count: files.size })).sort(byCount);
      const canonical = vocabulary?.find((entry) => foldTerm(entry) === key) ?? cluster.target ?? spellings[0]!.term;
      const files = new Set<string>();
      for (const set of cluster.spellings.values()) for (const file of set) files.add(file);
      const entry: TagEntry = {
        term: canonical,
        count: files.size,
        files: [...files].sort(),
        variants: spellings
          .filter((s) => s.term !== canonical)
          .map((s) => (aliasOf(settings.aliases, s.term) !== undefined ? { ...s, alias: true } : s)),
      };
      if (vocabulary && !vocabulary.includes(canonical)) entry.unknown = true;
      entries.push(entry);
    }
    for (const term of vocabulary ?? []) {
      if (!clusters.has(foldTerm(term))) entries.push({ term, count: 0, files: [], variants: [], unused: true });
    }
    report[taxonomy] = entries.sort(byCount);
  }
  return report;
}

/** The entries whose spellings differ: what `tags` offers to fix, and what `tags rename` is for. */
export function clustersToFix(report: TagReport): { taxonomy: string; entry: TagEntry }[] {
  return Object.entries(report).flatMap(([taxonomy, entries]) =>
    entries.filter((entry) => entry.variants.length > 0).map((entry) => ({ taxonomy, entry })),
  );
}
