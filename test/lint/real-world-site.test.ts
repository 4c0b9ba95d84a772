import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copySite } from '../helpers/site.js';
import { buildSite, hasProgram } from '../helpers/tools.js';

/**
 * A site of the shapes real blogs hold (PaperMod's standalone pages, a headless bundle, an image
 * render hook with bundle resources and assets, footnotes after "!", Octopress-era YAML, number
 * tags, mixed TOML and YAML, a CRLF post, Markdown in an HTML block, a bundle folder with capitals)
 * and a few planted defects: lint's errors are exactly the planted ones.
 */
describe('lint on a site of real-world shapes', () => {
  it('reports the planted defects and nothing else as an error', async () => {
    const dir = copySite('real-world-site');
    const result = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const errors = (
      JSON.parse(result.stdout) as {
        filePath: string;
        messages: { ruleId: string; severity: number; line: number }[];
      }[]
    ).flatMap((file) =>
      file.messages
        .filter((m) => m.severity === 2)
        .map((m) => `${file.filePath.slice(dir.length + 1)}:${m.line} ${m.ruleId}`),
    );
    expect(errors).toEqual([
      'content/posts/defects.md:3 frontmatter-fields',
      'content/posts/defects.md:4 frontmatter-fields',
      'content/posts/defects.md:4 tag-variant',
      'content/posts/defects.md:6 image-missing',
      'content/posts/no-date.md:1 frontmatter-date',
    ]);
  });

  it.runIf(hasProgram('hugo'))('is a site hugo builds', () => {
    expect(() => buildSite(copySite('real-world-site'))).not.toThrow();
  });
});
