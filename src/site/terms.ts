import type { SiteConfig } from '../config/types.js';
import type { FileSystem } from '../deps.js';
import { getField, parsePost } from '../post/parse.js';
import { listPosts } from './posts.js';

/** The string terms of one taxonomy in parsed front matter (a lone string counts as one term). */
export function termsOf(data: Record<string, unknown>, taxonomy: string): string[] {
  const value = getField(data, taxonomy);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** How often each term is used per taxonomy, most used first (ties by name). */
export type TermCounts = Record<string, { term: string; count: number }[]>;

export function countTerms(posts: Record<string, unknown>[], taxonomies: string[]): TermCounts {
  const result: TermCounts = {};
  for (const taxonomy of taxonomies) {
    const counts = new Map<string, number>();
    for (const data of posts) for (const term of new Set(termsOf(data, taxonomy))) if (term.trim()) counts.set(term, (counts.get(term) ?? 0) + 1);
    result[taxonomy] = [...counts].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
  }
  return result;
}

/** Reads every post's front matter for the terms the site already uses; unreadable posts are skipped. */
export async function siteTermCounts(fs: FileSystem, site: SiteConfig, taxonomies: string[]): Promise<TermCounts> {
  const files = await listPosts(fs, site.root, site.contentDirs);
  const posts: Record<string, unknown>[] = [];
  await Promise.all(
    files.map(async (file) => {
      const parsed = parsePost(await fs.readFile(file, 'utf8').catch(() => ''));
      if (parsed.kind === 'ok') posts.push(parsed.data);
    }),
  );
  return countTerms(posts, taxonomies);
}
