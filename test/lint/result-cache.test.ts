import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench generator is a plain .mjs script
import { generateSite } from '../../bench/generate-site.mjs';
import { lintCommand } from '../../src/commands/lint.js';
import { type FileSystem, nodeFileSystem } from '../../src/deps.js';
import { testDeps } from '../helpers/deps.js';
import { tempDir } from '../helpers/site.js';

/** A site large enough for the lint cache (it serves runs over 200 posts or more). */
function site(): string {
  const dir = tempDir();
  generateSite(dir, 210);
  return dir;
}

/** lint --format json over the whole site; how many posts it read. `cache` undefined: --no-cache. */
function lint(dir: string, cache: string | undefined): Promise<{ report: string; postsRead: number; reads: number }> {
  // A clock a minute ahead: the posts just written count as settled (the cache trusts no mtime of the last two
  // seconds).
  return lintWith(dir, cache, new Date(Date.now() + 60_000));
}

/** lint as `lint` does, with the clock at `now`. */
async function lintWith(
  dir: string,
  cache: string | undefined,
  now: Date,
): Promise<{ report: string; postsRead: number; reads: number }> {
  const read = new Set<string>();
  let reads = 0;
  const fs: FileSystem = {
    ...nodeFileSystem,
    readFile: ((file: string, ...rest: unknown[]) => {
      if (file.endsWith('.md')) {
        read.add(file);
        reads++;
      }
      return (nodeFileSystem.readFile as (...args: unknown[]) => unknown)(file, ...rest);
    }) as FileSystem['readFile'],
  };
  const { deps, stdout } = testDeps({ cwd: dir, fs, now, env: { XDG_CACHE_HOME: cache ?? tempDir() } });
  await lintCommand([], { format: 'json', cache: cache !== undefined }, deps);
  return { report: stdout(), postsRead: read.size, reads };
}

describe('the lint cache of a whole-site run', () => {
  it('gives the findings of a run without it, reading only the posts that changed', async () => {
    const dir = site();
    const cache = tempDir();
    // A disable comment naming a site rule on the one post whose `go` tag-variant reports (the other has it twice:
    // tag-duplicate): a post kept in the cache keeps its comment, rule names and all.
    const variant = path.join(dir, 'content/posts/p00097.md');
    writeFileSync(
      variant,
      readFileSync(variant, 'utf8').replace(/^(tags = .*)$/m, '$1 # meetup-note-disable-line tag-variant'),
    );
    const cold = await lint(dir, cache);
    const oracle = await lint(dir, undefined);
    expect(cold.report).toBe(oracle.report);
    expect(JSON.parse(cold.report).length).toBe(210);
    const warm = await lint(dir, cache);
    expect(warm.report).toBe(oracle.report);
    const variants = (JSON.parse(warm.report) as { filePath: string; messages: { ruleId: string }[] }[])
      .filter((r) => r.messages.some((m) => m.ruleId === 'tag-variant'))
      .map((r) => path.relative(dir, r.filePath));
    expect(variants).toEqual([]);
    expect(warm.report).toContain('tag-duplicate');
    // Posts with a date-future finding are not kept (the date comes); the generated site has none.
    expect(warm.postsRead).toBe(0);

    // One post changed: it alone is read again.
    const post = path.join(dir, 'content/posts/p00003.md');
    writeFileSync(post, `${readFileSync(post, 'utf8')}\n![new](/img/2024/04/p00003/missing.png)\n`);
    const edited = await lint(dir, cache);
    expect(edited.postsRead).toBe(1);
    expect(edited.report).toBe((await lint(dir, undefined)).report);
    expect(edited.report).toContain('missing.png');
  });

  it('knows posts by their bytes when a checkout gave them all new mtimes (a CI clone), run after run', async () => {
    const dir = site();
    const cache = tempDir();
    const oracle = (await lint(dir, undefined)).report;
    const posts = readdirSync(path.join(dir, 'content/posts'), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(dir, 'content/posts', name));
    // Each CI run lints posts its clone wrote a moment before: their mtimes are never settled.
    const ciRun = async () => {
      const clonedAt = new Date();
      for (const post of posts) utimesSync(post, clonedAt, clonedAt);
      return lintWith(dir, cache, clonedAt);
    };
    const first = await ciRun();
    expect(first.report).toBe(oracle);
    // Each post read once, for its digest, and none linted again (that would read it twice).
    const second = await ciRun();
    expect(second.report).toBe(oracle);
    expect([second.postsRead, second.reads]).toEqual([210, 210]);
  });

  it('sees the photos a post links come and go, change case, and a config that changed', async () => {
    const dir = site();
    const cache = tempDir();
    await lint(dir, cache);
    const same = async () => {
      const cached = await lint(dir, cache);
      expect(cached.report).toBe((await lint(dir, undefined)).report);
      return cached.report;
    };
    // A photo of a bundle and one under static/ deleted: their posts now miss them.
    rmSync(path.join(dir, 'content/posts/p00004/photo1.png'));
    rmSync(path.join(dir, 'static/img/2024/06/p00005/photo0.png'));
    const missing = await same();
    expect(missing).toContain('p00004/photo1.png');
    expect(missing).toContain('p00005/photo0.png');
    // Back, and one renamed to upper case (image-case on Linux hosting).
    writeFileSync(
      path.join(dir, 'content/posts/p00004/photo1.png'),
      readFileSync(path.join(dir, 'content/posts/p00004/photo0.png')),
    );
    mkdirSync(path.join(dir, 'static/img/2024/06/p00005'), { recursive: true });
    renameSync(
      path.join(dir, 'static/img/2024/06/p00005/photo1.png'),
      path.join(dir, 'static/img/2024/06/p00005/PHOTO1.png'),
    );
    writeFileSync(path.join(dir, 'static/img/2024/06/p00005/photo0.png'), 'x');
    expect(await same()).toContain('PHOTO1.png');
    // A rule turned off in the config.
    writeFileSync(path.join(dir, 'meetup-note.toml'), 'language = "en"\n[lint.rules]\nimage-case = "off"\n');
    expect(await same()).not.toContain('image-case');
    // A post deleted.
    rmSync(path.join(dir, 'content/posts/p00006'), { recursive: true });
    expect(JSON.parse(await same()).length).toBe(209);
  });

  it('starts afresh from a cache file that is cut short, damaged or not one at all', async () => {
    const dir = site();
    const cache = tempDir();
    const oracle = (await lint(dir, undefined)).report;
    await lint(dir, cache);
    const file = path.join(
      cache,
      'meetup-note',
      readdirSync(path.join(cache, 'meetup-note')).find((n) => n.startsWith('lint-'))!,
    );
    const whole = readFileSync(file);
    // One byte flipped in the middle (the numbers or texts of some post): the file's digest says so.
    const flipped = Buffer.from(whole);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    for (const bytes of [whole.subarray(0, 5000), Buffer.from('not a cache'), Buffer.alloc(0), flipped]) {
      writeFileSync(file, bytes);
      const run = await lint(dir, cache);
      expect(run.report).toBe(oracle);
      expect(run.postsRead).toBe(210);
    }
  });

  it('trusts no mtime of the last two seconds, and keeps no post whose date is still to come', async () => {
    const dir = site();
    const cache = tempDir();
    const future = path.join(dir, 'content/posts/p00008/index.md');
    writeFileSync(future, readFileSync(future, 'utf8').replace(/^date = .*$/m, 'date = 2999-01-01T00:00:00+09:00'));
    await lint(dir, cache);
    const warm = await lint(dir, cache);
    expect(warm.postsRead).toBe(1);
    expect(warm.report).toContain('date-future');
    // A run whose clock is that of the post's last change: the post is kept, but known by its bytes only.
    const fresh = path.join(dir, 'content/posts/p00009.md');
    writeFileSync(fresh, `${readFileSync(fresh, 'utf8')}\n`);
    const { deps } = testDeps({ cwd: dir, now: statSync(fresh).mtime, env: { XDG_CACHE_HOME: cache } });
    await lintCommand([], { format: 'json' }, deps);
    // Read for its digest, not linted again (that would read it twice); the future-dated post linted again.
    const next = await lint(dir, cache);
    expect([next.postsRead, next.reads]).toEqual([2, 2]);
    // Its mtime, now settled, was kept with it.
    expect((await lint(dir, cache)).postsRead).toBe(1);
  });
});
