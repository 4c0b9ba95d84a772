import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SITE, REPO, tempDir } from '../helpers/site.js';
import { hasProgram } from '../helpers/tools.js';

const preCommit = hasProgram('pre-commit', ['--version']);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/**
 * This repository as it is now (tracked and new files, not ignored ones), committed in a temp repo for pre-commit to
 * clone.
 */
function hookRepo(): { dir: string; rev: string } {
  const dir = tempDir('meetup-note-hook-');
  const files = git(REPO, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(REPO, file);
    const to = path.join(dir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      copyFileSync(from, to);
    } catch {
      // deleted in the working tree
    }
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'hook');
  return { dir, rev: git(dir, 'rev-parse', 'HEAD').trim() };
}

describe.skipIf(!preCommit)('the pre-commit hook, with the real pre-commit framework', () => {
  it('blocks a commit with a missing image and lets the fixed one through', { timeout: 600_000 }, () => {
    const hook = hookRepo();
    const blog = tempDir('meetup-note-blog-');
    execFileSync('cp', ['-R', `${EXAMPLE_SITE}/.`, blog]);
    git(blog, 'init', '-q');
    writeFileSync(
      path.join(blog, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hook.dir}\n    rev: ${hook.rev}\n    hooks:\n      - id: meetup-note-lint\n`,
    );
    git(blog, 'add', '-A');
    git(blog, 'commit', '-q', '-m', 'blog');
    const env = {
      ...process.env,
      PRE_COMMIT_HOME: tempDir('meetup-note-pre-commit-home-'),
      XDG_CACHE_HOME: tempDir(),
      NO_COLOR: '1',
    };
    const install = spawnSync('pre-commit', ['install'], { cwd: blog, env, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);

    writeFileSync(
      path.join(blog, 'content/blog/new-report.md'),
      '+++\ntitle = "新しい報告"\ndate = 2024-05-01T19:00:00+09:00\n+++\n\n![会場](/img/2024/05/venue.png)\n',
    );
    writeFileSync(path.join(blog, 'NOTES.md'), 'not a post; the hook skips it\n');
    git(blog, 'add', '-A');
    const blocked = spawnSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-m', 'report'],
      { cwd: blog, env, encoding: 'utf8' },
    );
    const output = `${blocked.stdout}${blocked.stderr}`;
    expect(blocked.status, output).not.toBe(0);
    expect(output).toContain('meetup-note lint');
    expect(output).toContain('content/blog/new-report.md');
    expect(output).toContain('static/img/2024/05/venue.png が見つかりません');
    expect(output).toContain('image-missing');

    mkdirSync(path.join(blog, 'static/img/2024/05'), { recursive: true });
    copyFileSync(
      path.join(blog, 'static/img/2019/11/denago_3/featured.png'),
      path.join(blog, 'static/img/2024/05/venue.png'),
    );
    git(blog, 'add', '-A');
    const passed = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-m', 'report'], {
      cwd: blog,
      env,
      encoding: 'utf8',
    });
    expect(passed.status, `${passed.stdout}${passed.stderr}`).toBe(0);
    expect(passed.stdout + passed.stderr).toMatch(/meetup-note lint\.+Passed/);
  });
});
