import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, copySite, read, tempDir } from '../helpers/site.js';

/** npm with the repository's quiet .npmrc out of the way, and no audit or funding noise. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('the packed package in a blog of its own (as the README says to use it)', () => {
  it('installs from the tarball and runs new and lint there with npx', () => {
    const packs = tempDir('meetup-note-pack-');
    // dist/ is built already (npm test builds first): packing must not write in the repository.
    npm(['pack', '--ignore-scripts', '--pack-destination', packs], REPO);
    const [tarball] = readdirSync(packs).filter((name) => name.endsWith('.tgz'));
    expect(tarball).toMatch(/^meetup-note-\d+\.\d+\.\d+\.tgz$/);
    // A blog that knows nothing of this repository: the example site, copied away, with its own package.json.
    const blog = copySite('example');
    npm(['init', '-y'], blog);
    npm(['install', '-D', path.join(packs, tarball!)], blog);
    const npx = (args: string[]) =>
      execFileSync('npx', ['--no-install', 'meetup-note', ...args], {
        cwd: blog,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', TZ: 'Asia/Tokyo', XDG_CACHE_HOME: tempDir() },
      });
    expect(npx(['new', '--yes', '--title', '【Packed】動くか', '--slug', 'packed', '--date', '2026-11-01 19:00'])).toBe(
      'content/blog/packed.md\n',
    );
    expect(read(blog, 'content/blog/packed.md')).toContain('title = "【Packed】動くか"');
    expect(npx(['lint', 'content/blog/packed.md'])).toBe('');
  }, 300_000);
});
