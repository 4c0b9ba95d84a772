import { describe, expect, it } from 'vitest';
import type { ImageSettings } from '../../src/config/types.js';
import { needsConverting, withFileName } from '../../src/images/convert-plan.js';
import type { PhotoFacts } from '../../src/images/metadata.js';

describe('withFileName', () => {
  const cases: [url: string, name: string, expected: string][] = [
    ['/img/2019/IMG_0042.JPG', 'img_0042.webp', '/img/2019/img_0042.webp'],
    ['IMG_0042.JPG', 'img_0042.webp', 'img_0042.webp'],
    ['https://example.dev/blog/img/a.png?v=2#top', 'a.webp', 'https://example.dev/blog/img/a.webp?v=2#top'],
    ['/img/%E6%87%87%E8%A6%AA%E4%BC%9A.JPG', '懇親会.webp', '/img/%E6%87%87%E8%A6%AA%E4%BC%9A.webp'],
    ['/img/懇親会.JPG', '懇親会.webp', '/img/懇親会.webp'],
    ['./photos/a.heic', 'a.webp', './photos/a.webp'],
  ];
  it.each(cases)('%s with %s is %s', (url, name, expected) => {
    expect(withFileName(url, name)).toBe(expected);
  });
});

describe('needsConverting', () => {
  const settings: ImageSettings = { maxWidth: 1600, format: 'webp', quality: 80, maxBytes: 1_000_000 };
  const facts = (format: PhotoFacts['format'], width: number, gps = false): PhotoFacts => ({ format, width, gps });
  const valid: [string, PhotoFacts, number, ImageSettings][] = [
    ['a JPEG, to WebP', facts('jpeg', 800), 1000, settings],
    ['a PNG screenshot, to WebP', facts('png', 800), 1000, settings],
    ['a HEIC', facts('heif', 4032), 3_000_000, settings],
    ['a TIFF', facts('tiff', 800), 1000, settings],
    ['a JPEG kept JPEG, too wide', facts('jpeg', 4032), 1000, { ...settings, format: 'keep' as const }],
    ['a JPEG kept JPEG, too heavy', facts('jpeg', 800), 2_000_000, { ...settings, format: 'jpeg' as const }],
    ['a JPEG kept JPEG, with a location', facts('jpeg', 800, true), 1000, { ...settings, format: 'jpeg' as const }],
  ];
  it.each(valid)('converts %s', (_name, photo, size, config) => {
    expect(needsConverting(photo, size, config)).toBe(true);
  });
  const invalid: [string, PhotoFacts, number, ImageSettings][] = [
    ['a WebP', facts('webp', 4032), 3_000_000, settings],
    ['a GIF (it may move)', facts('gif', 400), 1000, settings],
    ['an SVG or other file', facts('other', 400), 1000, settings],
    ['a JPEG already fit, in a JPEG site', facts('jpeg', 800), 1000, { ...settings, format: 'jpeg' as const }],
    ['a PNG already fit, format keep', facts('png', 800), 1000, { ...settings, format: 'keep' as const }],
  ];
  it.each(invalid)('leaves %s', (_name, photo, size, config) => {
    expect(needsConverting(photo, size, config)).toBe(false);
  });
});
