import { describe, expect, it } from 'vitest';
import { slugFromEvent, slugProblem } from '../../src/post/slug.js';

describe('slugFromEvent', () => {
  it.each([
    ['DeNA.go #3', 'denago_3'],
    ['Go Conference 2026', 'go_conference_2026'],
    ['ＤｅＮＡ．ｇｏ　＃３', 'denago_3'],
    ['Women Who Go Tokyo #12', 'women_who_go_tokyo_12'],
    ['Rust.Tokyo 2026', 'rusttokyo_2026'],
    ['【DeNA.go #3】Go活用事例', 'denago_3_go'],
    ['Go 勉強会 #5', 'go_5'],
    ['勉強会', ''],
    ['  ', ''],
  ])('%s -> %s', (event, slug) => {
    expect(slugFromEvent(event)).toBe(slug);
  });
});

describe('slugProblem', () => {
  it.each(['denago_3', 'go-conf-2026', '勉強会メモ', '2019-11-01'])('accepts %s', (slug) => {
    expect(slugProblem(slug)).toBeUndefined();
  });
  it.each(['', '../etc', 'a/b', '.hidden', '-x', 'a b', 'a\\b', 'a.md', 'x\u0000'])('rejects %j', (slug) => {
    expect(slugProblem(slug)).toBeDefined();
  });
});
