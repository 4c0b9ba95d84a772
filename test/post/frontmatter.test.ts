import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/post/frontmatter.js';
import { parsePost } from '../../src/post/parse.js';

describe('splitFrontMatter', () => {
  it('finds TOML front matter and the body after it', () => {
    const text = '+++\ntitle = "x"\n+++\n\nbody\n';
    const split = splitFrontMatter(text);
    expect(split.kind).toBe('found');
    if (split.kind !== 'found') return;
    const fm = split.frontMatter;
    expect(text.slice(fm.start, fm.end)).toBe('title = "x"\n');
    expect(text.slice(fm.bodyStart)).toBe('\nbody\n');
    expect(fm).toMatchObject({ format: 'toml', eol: '\n', startLine: 2 });
  });

  it('keeps a BOM and CRLF out of the front matter text but in the offsets', () => {
    const text = '\uFEFF---\r\ntitle: x\r\n---  \r\nbody';
    const split = splitFrontMatter(text);
    if (split.kind !== 'found') throw new Error(split.kind);
    expect(text.slice(split.frontMatter.start, split.frontMatter.end)).toBe('title: x\r\n');
    expect(split.frontMatter).toMatchObject({ format: 'yaml', eol: '\r\n' });
    expect(text.slice(split.frontMatter.bodyStart)).toBe('body');
  });

  it('handles empty front matter and a file without a final newline', () => {
    const split = splitFrontMatter('+++\n+++');
    if (split.kind !== 'found') throw new Error(split.kind);
    expect(split.frontMatter).toMatchObject({ start: 4, end: 4, bodyStart: 7 });
  });

  it('says when the closing delimiter is missing', () => {
    expect(splitFrontMatter('+++\ntitle = "x"\n\nbody')).toEqual({
      kind: 'unclosed',
      format: 'toml',
      delimiter: '+++',
    });
    expect(splitFrontMatter('---\ntitle: x\n+++\n')).toMatchObject({ kind: 'unclosed', format: 'yaml' });
  });

  it('finds no front matter in plain Markdown or an empty file', () => {
    expect(splitFrontMatter('# title\n+++\n')).toEqual({ kind: 'none' });
    expect(splitFrontMatter('')).toEqual({ kind: 'none' });
    expect(splitFrontMatter('++++\n')).toEqual({ kind: 'none' });
  });

  it('reads JSON front matter', () => {
    const post = parsePost('{\n  "title": "x",\n  "tags": ["a"]\n}\nbody\n');
    expect(post).toMatchObject({ kind: 'ok', data: { title: 'x', tags: ['a'] } });
  });
});

describe('parsePost', () => {
  it('reports a TOML error at the line of the file', () => {
    const post = parsePost('+++\ntitle = "x"\ntags = ["a",\n+++\n');
    expect(post.kind).toBe('invalid');
    if (post.kind === 'invalid') expect(post.failure.line).toBe(4);
  });

  it('reports a YAML error at the line of the file', () => {
    const post = parsePost('---\ntitle: x\ntags: [a\n---\n');
    expect(post.kind).toBe('invalid');
    if (post.kind === 'invalid') expect(post.failure.line).toBeGreaterThanOrEqual(3);
  });

  it('keeps YAML dates as text, as Hugo reads them', () => {
    expect(parsePost('---\ndate: 2019-11-01\n---\n')).toMatchObject({ kind: 'ok', data: { date: '2019-11-01' } });
  });
});
