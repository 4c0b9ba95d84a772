import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copySite } from '../helpers/site.js';
import { buildSite, decodeHtml, hasProgram } from '../helpers/tools.js';

const hugo = hasProgram('hugo');

describe.skipIf(!hugo)('a post made by new, built by the real Hugo', () => {
  it('has its title, date and event header in the page', async () => {
    const dir = copySite('example');
    const title = '【DeNA.go #3】"Go" & <Rust> \\ +++ 🎉 [slides] *bold*';
    const result = await runCli(
      [
        'new',
        'hugo_check',
        '--yes',
        '--title',
        title,
        '--event',
        'DeNA.go #3 [*]',
        '--event-url',
        'https://dena.connpass.com/event/150676/',
        '--hashtag',
        'DeNAgo',
        '--date',
        '2019-11-01 19:00',
        '--categories',
        '勉強会',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(buildSite(dir), 'blog', 'hugo_check', 'index.html'), 'utf8');
    expect(decodeHtml(/<h1 class="post-title">([^<]*)<\/h1>/.exec(html)![1]!)).toBe(title);
    expect(decodeHtml(html)).toContain('<time datetime="2019-11-01T19:00:00+09:00">');
    expect(decodeHtml(/<h1 id="[^"]*">([^<]*)<\/h1>/.exec(html)![1]!)).toBe('DeNA.go #3 [*]');
    expect(html).toContain('<a href="https://dena.connpass.com/event/150676/">connpass</a>');
    expect(html).toContain('<a href="https://x.com/hashtag/DeNAgo">#DeNAgo</a>');
  });
});
