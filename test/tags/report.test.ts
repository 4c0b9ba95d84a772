import { describe, expect, it } from 'vitest';
import { type PostTermList, buildTagReport, clustersToFix } from '../../src/tags/report.js';

const posts: PostTermList[] = [
  { file: 'a.md', terms: { tags: ['Go', 'Rust'] } },
  { file: 'b.md', terms: { tags: ['go', 'Go'] } },
  { file: 'c.md', terms: { tags: ['ＧＯ', 'Golang'], categories: ['勉強会'] } },
  { file: 'd.md', terms: { tags: ['golang', 'Kotlin'] } },
];

describe('buildTagReport', () => {
  it('counts posts per term, most used first, with spellings that fold together', () => {
    const report = buildTagReport(posts, { taxonomies: ['tags', 'categories'], vocabulary: {}, aliases: {} });
    expect(report.tags).toEqual([
      {
        term: 'Go',
        count: 3,
        files: ['a.md', 'b.md', 'c.md'],
        variants: [
          { term: 'go', count: 1 },
          { term: 'ＧＯ', count: 1 },
        ],
      },
      { term: 'Golang', count: 2, files: ['c.md', 'd.md'], variants: [{ term: 'golang', count: 1 }] },
      { term: 'Kotlin', count: 1, files: ['d.md'], variants: [] },
      { term: 'Rust', count: 1, files: ['a.md'], variants: [] },
    ]);
    expect(report.categories).toEqual([{ term: '勉強会', count: 1, files: ['c.md'], variants: [] }]);
  });

  it('puts aliases under their target, and marks unknown and unused vocabulary', () => {
    const report = buildTagReport(posts, {
      taxonomies: ['tags'],
      vocabulary: { tags: ['Go', 'Rust', 'Elixir'] },
      aliases: { Golang: 'Go' },
    });
    expect(report.tags).toEqual([
      {
        term: 'Go',
        count: 4,
        files: ['a.md', 'b.md', 'c.md', 'd.md'],
        variants: [
          { term: 'Golang', count: 1, alias: true },
          { term: 'go', count: 1 },
          { term: 'golang', count: 1, alias: true },
          { term: 'ＧＯ', count: 1 },
        ],
      },
      { term: 'Kotlin', count: 1, files: ['d.md'], variants: [], unknown: true },
      { term: 'Rust', count: 1, files: ['a.md'], variants: [] },
      { term: 'Elixir', count: 0, files: [], variants: [], unused: true },
    ]);
    expect(clustersToFix(report).map(({ entry }) => entry.term)).toEqual(['Go']);
  });
});
