import { describe, expect, it } from 'vitest';
import { locateToml } from '../../src/toml/locate.js';

describe('locateToml', () => {
  it('finds keys with their line, column and table path', () => {
    const text = 'a = 1\n# comment\n[new]\n  postPath = "x" # trailing\n[[new.frontMatter.images]]\nsrc = "y"\n';
    const entries = locateToml(text).map((e) => [e.path.join('.'), e.line, e.column, e.header]);
    expect(entries).toEqual([
      ['a', 1, 1, false],
      ['new', 3, 1, true],
      ['new.postPath', 4, 3, false],
      ['new.frontMatter.images', 5, 1, true],
      ['new.frontMatter.images.src', 6, 1, false],
    ]);
  });

  it('gives each string of an array with its exact span and decoded value', () => {
    const text = 'tags = [ "Go", \'lit\\n\', # note\n  "a\\"b", 3, """multi""" ]\nnext = 1';
    const [tags, next] = locateToml(text);
    expect(tags!.strings!.map((s) => [text.slice(s.start, s.end), s.value])).toEqual([
      ['"Go"', 'Go'],
      ["'lit\\n'", 'lit\\n'],
      ['"a\\"b"', 'a"b'],
      ['"""multi"""', 'multi'],
    ]);
    expect(tags!.length).toBe(5);
    expect(text.slice(tags!.value.start, tags!.value.end)).toBe(
      '[ "Go", \'lit\\n\', # note\n  "a\\"b", 3, """multi""" ]',
    );
    expect(next!.path).toEqual(['next']);
    expect(next!.line).toBe(3);
  });

  it('skips over multi-line strings and inline tables that look like keys', () => {
    const text = 's = """\nfake = 1\n[fake]\n"""\nt = { a = "}", b = [1] }\nu = 2019-11-01 19:00:00\nreal = true\n';
    expect(locateToml(text).map((e) => e.path.join('.'))).toEqual(['s', 't', 'u', 'real']);
  });

  it('reads quoted and dotted keys', () => {
    const text = '"my key" = 1\nsite.params."og.image" = "x"\n';
    expect(locateToml(text).map((e) => e.path)).toEqual([['my key'], ['site', 'params', 'og.image']]);
    const [first] = locateToml(text);
    expect(text.slice(first!.key.start, first!.key.end)).toBe('"my key"');
  });
});
