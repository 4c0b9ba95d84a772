import { createRequire } from 'node:module';
import fc from 'fast-check';
import { parse as smolParse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { OffsetDateTime, stringifyToml, tomlString } from '../../src/toml/write.js';

const iarnaParse = createRequire(import.meta.url)('@iarna/toml').parse as (text: string) => Record<string, unknown>;

const nasty = [
  '',
  '"',
  '\\',
  '+++',
  '"""',
  "'''",
  'a\nb',
  '\r\n+++\r\n',
  '\u0000\u0001\u001f\u007f',
  '\t',
  '🎉👨‍👩‍👧',
  '【DeNA.go #3】',
  '\\u0041',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a placeholder stays as typed
  '${x}',
  'Ｇｏ',
];

describe('tomlString', () => {
  it('writes one line, whatever the text', () => {
    for (const value of nasty) expect(tomlString(value)).not.toMatch(/[\n\r]/);
  });

  it('escapes every control character, not only the first', () => {
    expect(tomlString('\u0001a\u0002\u007f')).toBe('"\\u0001a\\u0002\\u007F"');
    expect(tomlString('a"b\\c\td\ne')).toBe('"a\\"b\\\\c\\td\\ne"');
  });

  it('comes back unchanged through @iarna/toml and smol-toml (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom(...nasty));
    fc.assert(
      fc.property(text, (value) => {
        fc.pre(value.isWellFormed());
        const doc = `v = ${tomlString(value)}\n`;
        expect(iarnaParse(doc).v).toBe(value);
        expect(smolParse(doc).v).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stringifyToml', () => {
  it('writes front matter the way Hugo users write it', () => {
    const text = stringifyToml({
      title: '【DeNA.go #3】Go活用事例',
      date: new OffsetDateTime('2019-11-01T19:00:00+09:00'),
      draft: false,
      categories: ['勉強会', 'Go'],
      images: [{ src: 'img/2019/11/denago_3/featured.png', alt: 'featured' }],
      type: 'post',
    });
    expect(text).toBe(
      [
        'title = "【DeNA.go #3】Go活用事例"',
        'date = 2019-11-01T19:00:00+09:00',
        'draft = false',
        'categories = ["勉強会", "Go"]',
        'type = "post"',
        '[[images]]',
        '  src = "img/2019/11/denago_3/featured.png"',
        '  alt = "featured"',
        '',
      ].join('\n'),
    );
  });

  it('keeps the date offset that both parsers see as the same instant', () => {
    const text = stringifyToml({ date: new OffsetDateTime('2019-11-01T19:00:00+09:00') });
    expect((iarnaParse(text).date as Date).toISOString()).toBe('2019-11-01T10:00:00.000Z');
    expect((smolParse(text).date as Date).toISOString()).toBe('2019-11-01T19:00:00.000+09:00');
  });

  it('writes nested tables after the plain keys, quoting keys that need it', () => {
    const text = stringifyToml({ params: { 'og image': 'a.png', n: 1.5 }, 'my key': true, count: 3 });
    expect(text).toBe('"my key" = true\ncount = 3\n[params]\n  "og image" = "a.png"\n  n = 1.5\n');
    expect(iarnaParse(text)).toEqual({ 'my key': true, count: 3, params: { 'og image': 'a.png', n: 1.5 } });
  });

  it('writes Date values from the site config in UTC without milliseconds', () => {
    expect(stringifyToml({ d: new Date('2020-01-02T03:04:05Z') })).toBe('d = 2020-01-02T03:04:05Z\n');
  });
});
