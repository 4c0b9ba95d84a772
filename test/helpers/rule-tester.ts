import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/config/types.js';
import { loadSite } from '../../src/config/load.js';
import { nodeFileSystem } from '../../src/deps.js';
import { FileIndex } from '../../src/lint/file-index.js';
import { PhotoIndex } from '../../src/lint/photo-index.js';
import { type SiteSnapshot, lintText, wordDiagnostics } from '../../src/lint/core.js';
import { postPathSection } from '../../src/lint/sections.js';
import { applyFixes } from '../../src/post/edits.js';
import { TermIndex, termsOfData } from '../../src/site/terms.js';
import type { Rule } from '../../src/lint/types.js';
import { parsePost } from '../../src/post/parse.js';
import { FIXTURES } from './site.js';
import { testDeps } from './deps.js';

export interface Case {
  /** The post. */
  code: string;
  /** Where it is, relative to the site root. */
  file?: string;
  /** Other posts of the site, for the term index: their front matter. */
  others?: string[];
  /** Changes to the site config (vocabulary, aliases, baseURL...). */
  site?: Partial<SiteConfig>;
  now?: string;
  /** Files git tracks, relative to the site root; undefined: not a git work tree. */
  tracked?: string[];
  language?: 'en' | 'ja';
  /** Sections of dated posts (default: that of new.postPath). */
  datedSections?: string[];
}

export interface InvalidCase extends Case {
  errors: { message?: string | RegExp; line?: number; column?: number }[];
  /** The post after one pass of this rule's fixes; omit to say there is no fix. */
  output?: string;
}

/**
 * ESLint's RuleTester for meetup-note rules: each valid case reports nothing, each invalid case
 * reports exactly the errors given and, with `output`, fixes to exactly that text.
 */
export function ruleTester(
  rule: Rule,
  cases: { valid: (Case | string)[]; invalid: InvalidCase[] },
  options: { fixture?: string; setup?: (root: string) => void } = {},
): void {
  const root = mkdtempSync(path.join(tmpdir(), 'meetup-note-rule-'));
  cpSync(path.join(FIXTURES, options.fixture ?? 'lint-site'), root, { recursive: true });
  options.setup?.(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let baseSite: SiteConfig | undefined;

  /** The rule's findings through the core function production uses (lintText), on a snapshot made by hand. */
  async function run(input: Case) {
    baseSite ??= await loadSite(testDeps({ cwd: root }).deps);
    const site: SiteConfig = { ...baseSite, language: input.language ?? 'en', ...input.site };
    const file = path.join(root, input.file ?? 'content/posts/test.md');
    const terms = new TermIndex();
    for (const other of [input.code, ...(input.others ?? [])]) {
      const parsed = parsePost(other);
      if (parsed.kind === 'ok') terms.add(termsOfData(parsed.data, site.taxonomyKeys));
    }
    const snapshot: SiteSnapshot = {
      site,
      files: new FileIndex(nodeFileSystem.listFolder),
      photos: new PhotoIndex(nodeFileSystem.readSlice, nodeFileSystem.statSync),
      terms,
      now: new Date(input.now ?? '2026-11-25T12:00:00Z'),
      datedSections: new Set(input.datedSections ?? [postPathSection(site)]),
    };
    if (input.tracked) snapshot.tracked = new Set(input.tracked.map((f) => path.join(root, f)));
    const { diagnostics } = lintText(file, Buffer.from(input.code), snapshot, [{ rule, severity: rule.meta.severity }]);
    await wordDiagnostics(diagnostics, site.language);
    return diagnostics;
  }

  describe(rule.meta.id, () => {
    it('has meta', () => {
      expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(rule.meta.description.length).toBeGreaterThan(10);
    });
    for (const [i, valid] of cases.valid.entries()) {
      const input = typeof valid === 'string' ? { code: valid } : valid;
      it(`valid #${i + 1}: ${
        input.code
          .split('\n')
          .find((l) => l && !/^[+-]{3}$/.test(l))
          ?.slice(0, 60) ?? ''
      }`, async () => {
        expect((await run(input)).map((r) => r.message)).toEqual([]);
      });
    }
    for (const [i, invalid] of cases.invalid.entries()) {
      it(`invalid #${i + 1}: ${
        invalid.code
          .split('\n')
          .find((l) => l && !/^[+-]{3}$/.test(l))
          ?.slice(0, 60) ?? ''
      }`, async () => {
        const reports = await run(invalid);
        expect(
          reports.map((r) => r.message),
          'number of reports',
        ).toHaveLength(invalid.errors.length);
        invalid.errors.forEach((expected, j) => {
          const report = reports[j]!;
          if (typeof expected.message === 'string') expect(report.message).toBe(expected.message);
          else if (expected.message) expect(report.message).toMatch(expected.message);
          if (expected.line !== undefined) expect(report.place.line).toBe(expected.line);
          if (expected.column !== undefined) expect(report.place.column).toBe(expected.column);
        });
        const fixes = reports.flatMap((r) => (r.fix ? [r.fix] : []));
        if (invalid.output === undefined) expect(fixes, 'fixes').toEqual([]);
        else expect(applyFixes(invalid.code, fixes)).toBe(invalid.output);
        if (invalid.output !== undefined) expect(rule.meta.fixable).toBe(true);
      });
    }
  });
}
