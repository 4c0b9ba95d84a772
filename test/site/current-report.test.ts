import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/config/load.js';
import { rememberReport, reportsBeingWritten } from '../../src/site/current-report.js';
import { testDeps } from '../helpers/deps.js';
import { copySite, tempDir } from '../helpers/site.js';

async function choices(dir: string, cache: string) {
  const { deps } = testDeps({ cwd: dir, env: { XDG_CACHE_HOME: cache } });
  const site = await loadSite(deps);
  const found = await reportsBeingWritten(deps, site);
  return { deps, site, found: found.map((c) => [path.relative(dir, c.file), c.reason]) };
}

const post = (title: string, date: string, draft: boolean) =>
  `+++\ntitle = "${title}"\ndate = ${date}\ndraft = ${draft}\n+++\n`;

describe('the report being written', () => {
  it('is the newest draft by its date when `new` remembered none; list pages are never offered', async () => {
    const dir = copySite('example');
    writeFileSync(path.join(dir, 'content/blog/a.md'), post('a', '2026-11-01T19:00:00+09:00', true));
    writeFileSync(path.join(dir, 'content/blog/b.md'), post('b', '2026-11-20T19:00:00+09:00', true));
    // Touched last, but older: a rename or lint --fix does not make it the report.
    writeFileSync(path.join(dir, 'content/blog/c.md'), post('c', '2019-01-01T19:00:00+09:00', false));
    const later = new Date('2030-01-01');
    utimesSync(path.join(dir, 'content/blog/c.md'), later, later);
    const { found } = await choices(dir, tempDir());
    expect(found[0]).toEqual(['content/blog/b.md', 'draft']);
    expect(found[1]).toEqual(['content/blog/c.md', 'changed']);
    expect(found.map(([file]) => file)).not.toContain('content/_index.md');
  });

  it('is the post `new` created last while it exists, else the rule above', async () => {
    const dir = copySite('example');
    const cache = tempDir();
    writeFileSync(path.join(dir, 'content/blog/b.md'), post('b', '2026-11-20T19:00:00+09:00', true));
    const { deps, site } = await choices(dir, cache);
    await rememberReport(deps, site, path.join(dir, 'content/blog/denago_3.md'));
    expect((await choices(dir, cache)).found.slice(0, 2)).toEqual([
      ['content/blog/denago_3.md', 'new'],
      ['content/blog/b.md', 'draft'],
    ]);
    await rememberReport(deps, site, path.join(dir, 'content/blog/gone.md'));
    expect((await choices(dir, cache)).found[0]).toEqual(['content/blog/b.md', 'draft']);
  });
});
