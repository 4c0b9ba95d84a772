import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite, resolveTimezone } from '../../src/config/load.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { testDeps } from '../helpers/deps.js';
import { copySite, tempDir } from '../helpers/site.js';

async function load(dir: string, cwdOption?: string, env: Record<string, string> = {}) {
  return loadSite(testDeps({ cwd: dir, env }).deps, cwdOption);
}

describe('loadSite', () => {
  it('reads the example site: meetup-note.toml over hugo.toml', async () => {
    const dir = copySite('example');
    const site = await load(dir);
    expect(site).toMatchObject({
      root: dir,
      contentDir: 'content',
      staticDir: 'static',
      baseURL: 'https://example.dev/',
      language: 'ja',
      timezone: 'Asia/Tokyo',
      author: 'yyh-gl',
      taxonomyKeys: ['categories', 'tags'],
      aliases: { Golang: 'Go' },
    });
    expect(site.new).toMatchObject({
      postPath: 'blog/{slug}.md',
      draft: true,
      categories: ['勉強会'],
      frontMatter: { type: 'post' },
    });
  });

  it('finds the site from a folder inside it, and from -C', async () => {
    const dir = copySite('example');
    expect((await load(path.join(dir, 'content', 'blog'))).root).toBe(dir);
    expect((await load(path.dirname(dir), path.basename(dir))).root).toBe(dir);
  });

  it('reads Hugo keys in any case, static dirs, theme and taxonomies', async () => {
    const dir = copySite('hugo-toml-mixed-case');
    const site = await load(dir);
    expect(site).toMatchObject({
      baseURL: 'https://user.github.io/blog/',
      contentDir: 'posts-src',
      staticDir: 'assets-static',
      staticDirs: ['assets-static', 'static', 'themes/ananke/static'],
      taxonomyKeys: ['tags', 'series'],
      language: 'ja',
      timezone: 'Asia/Tokyo',
    });
  });

  it('reads config/_default with per-language content folders', async () => {
    const dir = copySite('hugo-config-dir');
    const site = await load(dir, undefined, { LANG: 'ja_JP.UTF-8' });
    expect(site).toMatchObject({
      baseURL: 'https://example.org/',
      contentDir: 'content/en',
      contentDirs: ['content/en', 'content/ja'],
      staticDirs: ['static', 'themes/base/static', 'themes/extra/static'],
      taxonomyKeys: ['categories'],
      language: 'en',
    });
    expect(site.hugoConfigFile).toBe(path.join(dir, 'config/_default/hugo.yaml'));
  });

  it('reads hugo.json and a Zola config.toml', async () => {
    expect(await load(copySite('hugo-json'))).toMatchObject({ baseURL: 'https://json.example/', language: 'en' });
    expect(await load(copySite('zola-site'))).toMatchObject({
      baseURL: 'https://zola.example',
      taxonomyKeys: ['tags', 'categories'],
      language: 'ja',
    });
  });

  it('lists every unknown key and wrong type with its line', async () => {
    const dir = copySite('config-unknown-key');
    const error = await load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      [
        'meetup-note.toml:4:1: "new.post_path" unknown key; expected one of: postPath, imageDir, draft, categories, ' +
          'tags, frontMatter',
        'meetup-note.toml:5:1: "new.draft" must be true or false, not a string',
        'meetup-note.toml:8:1: "lint.rules.image-alt" must be one of "off", "warn", "error", not "loud"',
      ].join('\n'),
    );
  });

  it('accepts its own keys in any case, as Hugo does', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'meetup-note.toml'), 'ContentDir = "posts"\n[New]\npostpath = "x/{slug}.md"\n');
    expect(await load(dir)).toMatchObject({ contentDir: 'posts', new: { postPath: 'x/{slug}.md' } });
  });

  it('refuses folders outside the site', async () => {
    const error = await load(copySite('config-outside')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('points outside the site');
  });

  it('reports a broken Hugo config at its line', async () => {
    const error = (await load(copySite('hugo-broken-config')).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.location).toBe('hugo.toml:2:18');
    expect(error.message).toMatch(/^Unterminated string.*fix the syntax of this file$/);
  });

  it('says how to fix a folder that is not a site', async () => {
    const error = await load(tempDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('meetup-note init');
  });

  it('rejects a -C folder that does not exist', async () => {
    await expect(load(tempDir(), 'nope')).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects bad time zones, base URLs and path patterns', async () => {
    for (const [text, needle] of [
      ['timezone = "Mars/Olympus"', 'IANA time zone'],
      ['baseURL = "example.dev"', 'absolute http(s) URL'],
      ['[new]\npostPath = "../{slug}.md"', 'without ".."'],
      ['[new]\npostPath = "{slug}.txt"', '.md or .markdown'],
      ['[new]\nimageDir = "img/{year}"', 'unknown placeholder {year}'],
    ]) {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'meetup-note.toml'), `${text}\n`);
      const error = await load(dir)
        .then((site) => resolveTimezone(site, {}))
        .catch((e: unknown) => e);
      expect(error, text).toBeInstanceOf(ConfigError);
      expect((error as Error).message, text).toContain(needle);
    }
  });

  it('takes the system time zone when none is configured', async () => {
    const site = await load(copySite('hugo-json'));
    expect(site.timezone).toBeUndefined();
    expect(resolveTimezone(site, { TZ: 'America/New_York' })).toBe('America/New_York');
  });
});
