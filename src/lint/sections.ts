import type { SiteConfig } from '../config/types.js';

/** The section new posts go to: the first folder of `new.postPath` (`posts/{slug}.md` -> `posts`), or '' at the top. */
export function postPathSection(site: Pick<SiteConfig, 'new'>): string {
  const parts = site.new.postPath.split('/');
  return parts.length > 1 && !parts[0]!.includes('{') ? parts[0]! : '';
}

/**
 * Which sections hold dated posts: the one new posts go to, and any where most pages carry a date.
 * A page elsewhere (an about page, `archives.md` at the top) needs no date: Hugo lists it fine.
 */
export class SectionDates {
  private readonly bySection = new Map<string, { dated: number; total: number }>();

  constructor(private readonly postSection: string) {}

  add(section: string, dated: boolean): void {
    const count = this.bySection.get(section) ?? { dated: 0, total: 0 };
    count.total++;
    if (dated) count.dated++;
    this.bySection.set(section, count);
  }

  /** Every section's counts, to save and `addCount` back. */
  counts(): [section: string, dated: number, total: number][] {
    return [...this.bySection].map(([section, { dated, total }]) => [section, dated, total]);
  }

  addCount(section: string, dated: number, total: number): void {
    const count = this.bySection.get(section) ?? { dated: 0, total: 0 };
    count.dated += dated;
    count.total += total;
    this.bySection.set(section, count);
  }

  dated(): Set<string> {
    const sections = new Set([this.postSection]);
    for (const [section, { dated, total }] of this.bySection) if (dated * 2 > total) sections.add(section);
    return sections;
  }
}
