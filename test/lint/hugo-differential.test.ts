import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/site.js';
import { hasProgram } from '../helpers/tools.js';

/**
 * lint against the real hugo, one post per site: hugo fails, or gives the page the zero date, or
 * leaves out a term the writer wrote  <=>  lint reports an error. The shapes are those real blogs
 * (Octopress-era YAML, PaperMod pages, Japanese tech blogs) were seen to hold.
 */
interface Shape {
  name: string;
  front: string;
  /** Where the post is (default: content/posts/p.md, a section of dated posts). */
  file?: string;
  /** The terms the writer meant, lower-cased as Hugo's term pages are. */
  terms?: string[];
}

const T = (body: string) => `+++\ntitle = "x"\n${body}\n+++`;
const Y = (body: string) => `---\ntitle: x\n${body}\n---`;

const SHAPES: Shape[] = [
  {
    name: 'TOML list of strings',
    front: T('date = 2019-11-01T19:00:00+09:00\ntags = ["Go", "勉強会"]'),
    terms: ['go', '勉強会'],
  },
  { name: 'TOML lone string tag', front: T('date = 2019-11-01T19:00:00+09:00\ntags = "Go"'), terms: ['go'] },
  { name: 'TOML number in the list', front: T('date = 2019-11-01\ntags = ["Go", 2024]'), terms: ['go', '2024'] },
  { name: 'TOML boolean tag', front: T('date = 2019-11-01\ntags = [true]'), terms: ['true'] },
  { name: 'TOML number tag', front: T('date = 2019-11-01\ntags = 2024'), terms: ['2024'] },
  { name: 'TOML empty list', front: T('date = 2019-11-01\ntags = []') },
  { name: 'TOML nested list', front: T('date = 2019-11-01\ntags = [["a"]]'), terms: ['a'] },
  { name: 'TOML date-time literal', front: T('date = 2019-11-01T19:00:00+09:00') },
  { name: 'TOML local date literal', front: T('date = 2019-11-01') },
  { name: 'TOML local date-time literal', front: T('date = 2019-11-01T19:00:00') },
  { name: 'TOML date-time in a string', front: T('date = "2019-11-01T19:00:00+09:00"') },
  { name: 'TOML day in a string', front: T('date = "2019-11-01"') },
  { name: 'one-digit hour', front: T('date = 2019-11-01\nlastmod = "2022-12-14T9:14:26+09:00"') },
  { name: 'no seconds', front: T('date = "2019-11-01 19:00"') },
  { name: 'slashes', front: T('date = "2019/11/01"') },
  { name: 'English month first', front: T('date = "Nov 1, 2019"') },
  { name: 'RFC 1123 with offset', front: T('date = "Fri, 01 Nov 2019 19:00:00 +0900"') },
  { name: 'RFC 1123 with a zone name', front: T('date = "Fri, 01 Nov 2019 19:00:00 JST"') },
  { name: 'day month year', front: T('date = "01 Nov 2019"') },
  { name: 'Ruby date', front: T('date = "Fri Nov 01 19:00:00 +0900 2019"') },
  { name: 'fraction with a comma', front: T('date = "2019-11-01T19:00:00,5+09:00"') },
  { name: 'offset without a colon', front: T('date = "2019-11-01T19:00:00+0900"') },
  { name: 'lower-case t in a string', front: T('date = "2019-11-01t19:00:00+09:00"') },
  { name: 'hour 24', front: T('date = "2019-11-01T24:00:00+09:00"') },
  { name: 'a day that does not exist (string)', front: T('date = "2019-02-30"') },
  { name: 'a day that does not exist (TOML literal)', front: T('date = 2023-02-30') },
  { name: 'empty date', front: T('date = ""') },
  { name: 'no date in a dated section', front: T('tags = ["Go"]'), terms: ['go'] },
  { name: 'no date, lastmod instead', front: T('lastmod = 2019-11-01') },
  { name: 'words for a date', front: T('date = "yesterday"') },
  { name: 'draft as a string', front: T('date = 2019-11-01\ndraft = "false"') },
  { name: 'standalone page without a date', front: T('layout = "archives"'), file: 'content/archives.md' },
  { name: 'section list page', front: T(''), file: 'content/posts/_index.md' },
  { name: 'YAML number in the list', front: Y('date: 2019-11-01\ntags: [Cooking, 2024]'), terms: ['cooking', '2024'] },
  { name: 'YAML boolean in the list', front: Y('date: 2019-11-01\ntags: [Go, true]'), terms: ['go', 'true'] },
  { name: 'YAML float tags', front: Y('date: 2019-11-01\ntags: [1.10, 3.0]'), terms: ['1.1', '3'] },
  {
    name: 'YAML block list with a number',
    front: Y('date: 2019-11-01\ntags:\n  - Go\n  - 2024'),
    terms: ['go', '2024'],
  },
  { name: 'YAML lone string category', front: Y('date: 2019-11-01\ncategories: octopress'), terms: ['octopress'] },
  { name: 'YAML null categories', front: Y('date: 2019-11-01\ncategories: null') },
  { name: 'YAML ~ tags', front: Y('date: 2019-11-01\ntags: ~') },
  { name: 'YAML empty tags', front: Y('date: 2019-11-01\ntags:') },
  { name: 'YAML table of tags', front: Y('date: 2019-11-01\ntags: {a: 1}'), terms: ['a'] },
  { name: "YAML lastmod ''", front: Y("date: 2019-11-01\nlastmod: ''") },
  { name: 'YAML Octopress date', front: Y('date: 2019-11-01 19:00:00 +0900') },
  { name: 'YAML Octopress date without seconds', front: Y('date: 2013-01-06 20:43') },
  { name: 'YAML one-digit month', front: Y('date: 2019-1-5') },
  { name: 'YAML one-digit hour', front: Y('date: 2019-11-01 9:03:07') },
  { name: 'YAML fraction and offset', front: Y('date: 2019-11-01T19:00:00.000+0900') },
  {
    name: 'YAML quoted value on unindented lines',
    front: Y('date: 2019-11-01\nabstract: "first paragraph.\n\nsecond paragraph."\ntags: [Go]'),
    terms: ['go'],
  },
  {
    name: 'JSON number in the list',
    front: '{\n"title": "x",\n"date": "2019-11-01",\n"tags": ["Go", 1]\n}',
    terms: ['go', '1'],
  },
  { name: 'JSON lone string tag', front: '{\n"title": "x",\n"date": "2019-11-01",\n"tags": "Go"\n}', terms: ['go'] },
  { name: 'JSON null categories', front: '{\n"title": "x",\n"date": "2019-11-01",\n"categories": null\n}' },
];

const LAYOUT =
  'DATE={{ .Date.Format "2006-01-02" }}|TERMS={{ range .GetTerms "tags" }}[{{ .Name | lower }}]{{ end }}{{ range ' +
  '.GetTerms "categories" }}[{{ .Name | lower }}]{{ end }}|';

/** What hugo does with the post: fails, or the page's date and terms. */
function hugoReads(
  dir: string,
  file: string,
): { failed: true } | { failed: false; zeroDate: boolean; terms: string[] } {
  try {
    execFileSync('hugo', ['--source', dir, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch {
    return { failed: true };
  }
  const page = path.join(dir, 'public', file.replace(/^content\//, '').replace(/(_?index)?\.md$/, ''), 'index.html');
  const html = existsSync(page) ? readFileSync(page, 'utf8') : '';
  return {
    failed: false,
    zeroDate: html.includes('DATE=0001-01-01'),
    terms: [...html.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!),
  };
}

describe.runIf(hasProgram('hugo'))('lint agrees with the real hugo on front matter', () => {
  it(`${SHAPES.length} shapes: an error exactly where the built site is wrong`, async () => {
    const rows: string[] = [];
    const disagreements: string[] = [];
    for (const shape of SHAPES) {
      const dir = tempDir('meetup-note-hugo-');
      const file = shape.file ?? 'content/posts/p.md';
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
      writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.dev/"\ntitle = "t"\n');
      writeFileSync(path.join(dir, 'layouts/_default/single.html'), LAYOUT);
      writeFileSync(path.join(dir, 'layouts/_default/list.html'), LAYOUT);
      writeFileSync(path.join(dir, file), `${shape.front}\nbody\n`);
      const hugo = hugoReads(dir, file);
      const standalone = !file.startsWith('content/posts/') || file.endsWith('_index.md');
      const wrong =
        hugo.failed || (!standalone && hugo.zeroDate) || (shape.terms ?? []).some((term) => !hugo.terms.includes(term));
      const result = await runCli(['lint', '--format', 'json', file], { cwd: dir });
      const messages =
        (JSON.parse(result.stdout) as { messages: { ruleId: string; severity: number }[] }[])[0]?.messages ?? [];
      const errors = messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
      const warnings = messages.filter((m) => m.severity === 1).map((m) => m.ruleId);
      const verdict = hugo.failed
        ? 'build fails'
        : [hugo.zeroDate && !standalone ? 'date 0001-01-01' : '', `terms ${hugo.terms.join(',') || '-'}`]
            .filter(Boolean)
            .join('; ');
      rows.push(`| ${shape.name} | ${verdict} | ${errors.join(', ') || '-'} | ${warnings.join(', ') || '-'} |`);
      if (wrong !== errors.length > 0)
        disagreements.push(
          `${shape.name}: hugo ${wrong ? 'gets it wrong' : 'reads it right'} (${verdict}), lint errors: ` +
            `${errors.join(', ') || 'none'}`,
        );
    }
    console.log(`| shape | hugo | lint errors | lint warnings |\n|---|---|---|---|\n${rows.join('\n')}`);
    expect(disagreements).toEqual([]);
  }, 180_000);
});
