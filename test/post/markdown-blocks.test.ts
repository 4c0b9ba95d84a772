import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { scanBlocks } from '../../src/post/markdown-blocks.js';

const require = createRequire(import.meta.url);
interface CmNode {
  type: string;
  destination?: string;
  sourcepos: [[number, number], [number, number]];
}
const commonmark = require('commonmark') as {
  Parser: new () => { parse(text: string): { walker(): { next(): { entering: boolean; node: CmNode } | null } } };
};
const spec = require('commonmark-spec') as { tests: { markdown: string; section: string; number: number }[] };

const SECTIONS = [
  'Tabs',
  'Indented code blocks',
  'Fenced code blocks',
  'HTML blocks',
  'Link reference definitions',
  'Paragraphs',
  'Blank lines',
  'ATX headings',
  'Thematic breaks',
  'Setext headings',
  'Code spans',
  'Images',
];

type Kind = 'code' | 'html' | 'prose';

/** What the reference implementation says each line is: code, HTML, or prose (everything else). */
function oracle(markdown: string): { lines: Kind[]; containers: boolean } {
  const tree = new commonmark.Parser().parse(markdown);
  const count = markdown.split('\n').length;
  const lines: Kind[] = Array.from({ length: count }, () => 'prose');
  let containers = false;
  const walker = tree.walker();
  for (let event = walker.next(); event; event = walker.next()) {
    if (!event.entering) continue;
    const { node } = event;
    if (node.type === 'block_quote' || node.type === 'list') containers = true;
    if (node.type !== 'code_block' && node.type !== 'html_block') continue;
    const [[startLine], [endLine]] = node.sourcepos;
    for (let line = startLine; line <= Math.min(endLine, count); line++)
      lines[line - 1] = node.type === 'code_block' ? 'code' : 'html';
  }
  return { lines, containers };
}

/** The image destinations the reference implementation finds, in order. */
function oracleImages(markdown: string): string[] {
  const walker = new commonmark.Parser().parse(markdown).walker();
  const urls: string[] = [];
  for (let event = walker.next(); event; event = walker.next())
    if (event.entering && event.node.type === 'image') urls.push(event.node.destination ?? '');
  return urls;
}

/** What our scanner says of each line. */
function scanned(markdown: string): Kind[] {
  const starts = [0];
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) starts.push(i + 1);
  const lines: Kind[] = starts.map(() => 'prose');
  for (const block of scanBlocks(markdown).blocks) {
    if (block.kind === 'definition') continue;
    starts.forEach((start, i) => {
      if (start >= block.start && start < block.end)
        lines[i] = block.kind === 'fence' || block.kind === 'indented' ? 'code' : 'html';
    });
  }
  return lines;
}

describe('the Markdown block scanner against the CommonMark reference implementation', () => {
  const examples = spec.tests
    .filter((t) => SECTIONS.includes(t.section))
    .map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t') }));
  const topLevel = examples.filter((t) => !oracle(t.markdown).containers);

  it(
    `agrees line by line on the ${topLevel.length} top-level examples of the code, HTML block, link reference and ` +
      `paragraph sections`,
    () => {
      const disagreements = topLevel.flatMap((example) => {
        const expected = oracle(example.markdown).lines;
        const actual = scanned(example.markdown);
        // The last "line" after a final newline is empty in both.
        return JSON.stringify(expected) === JSON.stringify(actual)
          ? []
          : [
              `#${example.number} (${example.section}): ${JSON.stringify(example.markdown)}\n  commonmark ` +
                `${expected.join(',')}\n  ours       ${actual.join(',')}`,
            ];
      });
      expect(disagreements).toEqual([]);
    },
  );

  it(
    'finds the same Markdown images as the reference, on those sections with their links made images, and on the ' +
      'Images section',
    async () => {
      const { findBodyImages } = await import('../../src/post/markdown-refs.js');
      const sections = ['Indented code blocks', 'Fenced code blocks', 'HTML blocks', 'Link reference definitions'];
      // Links become images (`[foo]` -> `![foo]`) but definitions, which start their line, stay.
      const asImages = (markdown: string) => markdown.replace(/(^|[^\n ])\[/g, '$1![').replace(/!!\[/g, '![');
      const cases = [
        ...topLevel
          .filter((example) => sections.includes(example.section))
          .map((example) => ({ ...example, markdown: asImages(example.markdown) })),
        ...topLevel.filter((example) => example.section === 'Images'),
      ];
      let images = 0;
      const disagreements = cases.flatMap((example) => {
        const ours = findBodyImages(example.markdown, 0)
          .filter((ref) => ref.syntax === 'markdown' || ref.syntax === 'reference')
          .map((ref) => encodeURI(ref.url))
          .sort();
        // Nested images (`![a ![b](/u)](/v)`) come in another order from the tree: the same set is what counts.
        const theirs = oracleImages(example.markdown).sort();
        images += theirs.length;
        return JSON.stringify(ours) === JSON.stringify(theirs)
          ? []
          : [
              `#${example.number} ${JSON.stringify(example.markdown)}: ours ${JSON.stringify(ours)}, commonmark ` +
                `${JSON.stringify(theirs)}`,
            ];
      });
      expect(images).toBeGreaterThan(20);
      expect(disagreements).toEqual([]);
    },
  );
});

describe('one scanner for lint and add-session', () => {
  it('a line ```x` is inline code, not a fence: add-session still finds the talks after it', async () => {
    const { scanMarkdown, headingOf } = await import('../../src/post/markdown-lines.js');
    const text = 'Intro ```x` here\n```x`\n\n# 1. Talk\n';
    const scanned = scanMarkdown(text);
    expect(scanned.unclosed).toBeUndefined();
    expect(scanned.lines.map((line) => headingOf(line)?.text)).toEqual(['1. Talk']);
  });

  it('Markdown inside an HTML block is text, its <img> tags are images; code is neither', async () => {
    const { findBodyImages } = await import('../../src/post/markdown-refs.js');
    const text =
      '<div>\n![not an image](/a.png)\n<img src="/b.png">\n</div>\n\n![image](/c.png)\n\n    ![code](/d.png)\n';
    expect(
      findBodyImages(text, 0)
        .map((ref) => ref.url)
        .sort(),
    ).toEqual(['/b.png', '/c.png']);
  });
});
