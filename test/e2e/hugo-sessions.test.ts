import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copySite, read } from '../helpers/site.js';
import { buildSite, decodeHtml, hasProgram } from '../helpers/tools.js';

const hugo = hasProgram('hugo');

/** The HTML of each top-level talk section: from its <h1> to the next <h1>. */
function sections(html: string): Map<string, string> {
  const parts = decodeHtml(html)
    .split(/<h1 id="[^"]*">/)
    .slice(1);
  return new Map(parts.map((part) => [part.slice(0, part.indexOf('</h1>')), part]));
}

describe.skipIf(!hugo)('talks added by add-session and add-qa, built by the real Hugo', () => {
  it('puts each speaker and each Q and A in its own talk', async () => {
    const dir = copySite('example');
    // Hugo's default Markdown settings (no raw HTML): the built-in templates must not need any.
    writeFileSync(path.join(dir, 'hugo.toml'), read(dir, 'hugo.toml').replace(/\[markup[\s\S]*$/, ''));
    const run = async (args: string[]) => {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
    };
    await run([
      'new',
      'hugo_talks',
      '--yes',
      '--title',
      '【Go Conf mini】報告',
      '--event',
      'Go Conf mini',
      '--date',
      '2024-05-01 19:00',
    ]);
    const post = 'content/blog/hugo_talks.md';
    await run([
      'add-session',
      post,
      '--title',
      'Generics [入門]',
      '--speaker',
      '@gen_taro',
      '--affiliation',
      'A社',
      '--question',
      'ジェネリクスの制約は？',
      '--answer',
      'interface で書く',
    ]);
    await run([
      'add-session',
      post,
      '--title',
      'pprof *実践*',
      '--speaker',
      '@prof',
      '--slides',
      'https://speakerdeck.com/prof/pprof',
    ]);
    await run([
      'add-qa',
      post,
      '--session',
      '1',
      '--question',
      'late question?',
      '--answer',
      'late answer',
      '--asker',
      '@late',
    ]);
    await run(['add-qa', post, '--question', 'flame graph?', '--answer', 'go tool pprof -http']);

    const html = readFileSync(path.join(buildSite(dir), 'blog', 'hugo_talks', 'index.html'), 'utf8');
    const talks = sections(html);
    // Markdown typed in a title is Markdown in the post: *実践* is emphasis, [入門] (no link) stays text.
    expect([...talks.keys()]).toEqual(['Go Conf mini', '1. Generics [入門]', '2. pprof <em>実践</em>']);
    const first = talks.get('1. Generics [入門]')!;
    const second = talks.get('2. pprof <em>実践</em>')!;
    expect(first).toContain('登壇者：@gen_taro さん<br>\nA社');
    expect(html).not.toContain('raw HTML omitted');
    expect(first).toContain('Q. ジェネリクスの制約は？');
    expect(first).toContain('A. interface で書く');
    expect(first).toContain('Q. late question?（@late さん）');
    expect(first).toContain('A. late answer');
    expect(first).not.toContain('flame graph');
    expect(second).toContain('登壇者：@prof さん');
    expect(second).toContain('<a href="https://speakerdeck.com/prof/pprof">スライド</a>');
    expect(second).toContain('Q. flame graph?');
    expect(second).not.toContain('late question');
  });
});
