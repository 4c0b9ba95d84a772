import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench generator is a plain .mjs script
import { generateSite } from '../../bench/generate-site.mjs';
import { runCli } from '../helpers/cli.js';
import { REPO, tempDir } from '../helpers/site.js';

const SNAPSHOT = path.join(REPO, 'test/fixtures/snapshots/bench-1000.json');

interface Snapshot {
  files: number;
  /** sha256 of the whole JSON report, paths relative to the site. */
  sha256: string;
  /** The files with findings, as the report has them. */
  findings: { filePath: string; messages: unknown[] }[];
}

/** The JSON report with the site's own folder taken out of the paths, and what it says, for the snapshot. */
function summarize(json: string, site: string): Snapshot {
  const report = json.split(JSON.stringify(`${site}/`).slice(1, -1)).join('');
  const results = JSON.parse(report) as { filePath: string; messages: unknown[] }[];
  return {
    files: results.length,
    sha256: createHash('sha256').update(report).digest('hex'),
    findings: results.filter((r) => r.messages.length > 0),
  };
}

describe('the findings on the generated 1,000-post bench site', () => {
  it('are those of the committed snapshot, on one thread, on two and from the lint cache', {
    timeout: 120_000,
  }, async () => {
    const site = tempDir();
    generateSite(site, 1000);
    const lint = async (threads: string, cache = tempDir()) => {
      const out = path.join(tempDir(), 'report.json');
      const run = await runCli(['lint', '--format', 'json', '-o', out], {
        cwd: site,
        env: { MEETUP_NOTE_THREADS: threads, XDG_CACHE_HOME: cache },
        timeoutMs: 60_000,
      });
      expect(run.code, run.stderr).toBe(1);
      return readFileSync(out, 'utf8');
    };
    const one = await lint('1');
    const two = await lint('2');
    expect(two).toBe(one);
    // With the lint cache: made, then used (posts older than two seconds are kept), the same report.
    const cache = tempDir();
    for (let run = 0; run < 3; run++) expect(await lint('1', cache)).toBe(one);
    const got = summarize(one, site);
    if (process.env.UPDATE_SNAPSHOT) writeFileSync(SNAPSHOT, `${JSON.stringify(got, null, 1)}\n`);
    const want = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    expect(got.files).toBe(1000);
    expect(got.findings).toEqual(want.findings);
    expect(got.sha256).toBe(want.sha256);
  });
});
