import { describe, expect, it } from 'vitest';
import { hashtagProblem, normalizeHashtag, oneLineProblem, splitList, urlProblem } from '../../src/post/text.js';

describe('one-line fields', () => {
  it('accepts any printable text', () => {
    for (const value of ['"quoted" \\ +++ 🎉', '【DeNA.go #3】', 'Ｇｏ', "it's"])
      expect(oneLineProblem(value)).toBeUndefined();
  });
  it('rejects line breaks, control characters and lone surrogates', () => {
    expect(oneLineProblem('a\nb')).toEqual({ id: 'lineBreak' });
    expect(oneLineProblem('a\r')).toEqual({ id: 'lineBreak' });
    expect(oneLineProblem('a\u2028')).toEqual({ id: 'lineBreak' });
    expect(oneLineProblem('a\u0007')).toEqual({ id: 'control', code: 'U+0007' });
    expect(oneLineProblem('a\u009b')).toEqual({ id: 'control', code: 'U+009B' });
    expect(oneLineProblem('a\ud800')).toEqual({ id: 'surrogate' });
  });
});

describe('urls, hashtags, lists', () => {
  it('takes only http(s) URLs', () => {
    expect(urlProblem('https://dena.connpass.com/event/150676/')).toBeUndefined();
    expect(urlProblem('javascript:alert(1)')).toMatchObject({ id: 'notHttp' });
    expect(urlProblem('connpass.com/event/1')).toMatchObject({ id: 'notUrl' });
  });
  it('normalizes hashtags', () => {
    expect(normalizeHashtag(' #DeNAgo ')).toBe('DeNAgo');
    expect(normalizeHashtag('＃勉強会')).toBe('勉強会');
    expect(hashtagProblem('two words')).toMatchObject({ id: 'hashtagSpace' });
  });
  it('splits comma lists, dropping blanks and repeats', () => {
    expect(splitList(' 勉強会, Go,,Go ,')).toEqual(['勉強会', 'Go']);
  });
});
