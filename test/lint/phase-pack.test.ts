import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench generator is a plain .mjs script
import { generateSite } from '../../bench/generate-site.mjs';
import { loadSite } from '../../src/config/load.js';
import { listFolderSync } from '../../src/deps.js';
import { type SiteSnapshot, fileOf, modelOptionsFor } from '../../src/lint/core.js';
import { FileIndex } from '../../src/lint/file-index.js';
import { bodyOf, inflate, packPhase, packedFacts, packedImageFiles, unpackPhase } from '../../src/lint/phase-pack.js';
import { contentDigest } from '../../src/lint/digest.js';
import { lintPostPhase } from '../../src/lint/post-phase.js';
import { RULES } from '../../src/lint/rules/index.js';
import { listPosts } from '../../src/site/posts.js';
import { TermIndex } from '../../src/site/terms.js';
import { testDeps } from '../helpers/deps.js';
import { copySite, tempDir } from '../helpers/site.js';

/** Every post of a site through the post phase, and back from its packed form: the same phase, field for field. */
async function roundTrip(dir: string): Promise<{ packed: number; namedDirectives: number }> {
  const { deps } = testDeps({ cwd: dir });
  const site = await loadSite(deps);
  const snapshot: SiteSnapshot = {
    site,
    files: new FileIndex(listFolderSync),
    terms: new TermIndex(),
    now: new Date('2026-01-01T00:00:00Z'),
  };
  const options = modelOptionsFor(site);
  const rules = RULES.filter((rule) => rule.meta.scope !== 'site').map((rule) => ({
    rule,
    severity: rule.meta.severity,
  }));
  let packed = 0;
  let namedDirectives = 0;
  for (const file of await listPosts(deps.fs, site.root, site.contentDirs)) {
    const { lookups, ...phase } = lintPostPhase(file, readFileSync(file), snapshot, options, rules, contentDigest);
    expect(lookups).toBeDefined();
    const pack = packPhase(phase, site.root);
    if (!pack) {
      expect(phase.kept.model.fatal ?? phase.kept.model.encoding).toBeDefined();
      continue;
    }
    // Through a structured clone, as the cache file stores it.
    const back = unpackPhase(structuredClone(pack), file, site.root, options.contentRoots ?? []);
    expect([path.relative(dir, file), back]).toStrictEqual([path.relative(dir, file), phase]);
    expect(packedImageFiles(pack, site.root)).toEqual(phase.kept.images.map((image) => fileOf(image)));
    expect(packedFacts(pack.numbers, pack.rest[4], file, options.contentRoots ?? [])).toStrictEqual(phase.facts);
    expect(inflate({ numbers: pack.numbers, lines: pack.lines, body: bodyOf(pack) })).toStrictEqual(pack);
    packed++;
    if ((pack.rest[0] as { rules?: Set<string> }[]).some((d) => d.rules instanceof Set)) namedDirectives++;
  }
  return { packed, namedDirectives };
}

describe('a packed post phase (the lint cache)', () => {
  it('comes back as it was, on the fixture sites of real-world shapes', async () => {
    let named = 0;
    for (const name of ['real-world-site', 'lint-site', 'lint-blog', 'tags-site', 'example']) {
      const { packed, namedDirectives } = await roundTrip(copySite(name));
      expect(packed).toBeGreaterThan(0);
      named += namedDirectives;
    }
    // Disable comments that name rules (a Set) come back too.
    expect(named).toBeGreaterThan(0);
  });

  it('comes back as it was, on the generated bench site (every image form, findings, fixes)', async () => {
    const dir = tempDir();
    generateSite(dir, 60);
    expect((await roundTrip(dir)).packed).toBeGreaterThan(50);
  });
});
