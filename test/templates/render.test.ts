import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/deps.js';
import { ConfigError } from '../../src/errors.js';
import { escapeMarkdown, markdownUrl } from '../../src/templates/markdown.js';
import { loadTemplate, renderTemplate } from '../../src/templates/render.js';
import { copySite, tempDir } from '../helpers/site.js';

const template = (text: string) => ({ text, source: 'test.md' });

describe('escapeMarkdown', () => {
  it('writes Markdown as typed: links, emphasis, code, handles', () => {
    expect(escapeMarkdown('Goの[ジェネリクス]入門 *実践編* @gopher_taro `interface{}` <br> a_b')).toBe(
      'Goの[ジェネリクス]入門 *実践編* @gopher_taro `interface{}` <br> a_b',
    );
  });
  it('breaks what would change the structure: shortcodes, comments, a closing # of a heading', () => {
    expect(escapeMarkdown('{{< figure >}} {{% x %}} {{ .Title }}')).toBe('{\\{< figure >}} {\\{% x %}} {{ .Title }}');
    expect(escapeMarkdown('a <!-- meetup-note:end --> b')).toBe('a &lt;!-- meetup-note:end --> b');
    expect(escapeMarkdown('C#')).toBe('C#');
    expect(escapeMarkdown('Rust ##')).toBe('Rust \\#\\#');
    expect(escapeMarkdown('DeNA.go #3')).toBe('DeNA.go #3');
  });
  it('keeps the lines after a typed line break in the paragraph', () => {
    expect(escapeMarkdown('one\n# two\n> three\n- four\n1. five\n```\n    six')).toBe(
      'one\\\n\\# two\\\n\\> three\\\n\\- four\\\n1\\. five\\\n\\```\\\nsix',
    );
  });
  it('encodes what ends a link destination', () => {
    expect(markdownUrl('https://ja.wikipedia.org/wiki/Go_(言語) x')).toBe(
      'https://ja.wikipedia.org/wiki/Go_%28言語%29%20x',
    );
  });
});

describe('renderTemplate', () => {
  it('escapes in {{name}} only what would change the structure, and inserts {{{name}}} as is', () => {
    expect(
      renderTemplate(template('# {{title}}\n{{{eventUrl}}}\n'), 'post', {
        title: 'a_b {{< x >}}',
        eventUrl: 'https://x/a_b',
      }),
    ).toBe('# a_b {\\{< x >}}\nhttps://x/a_b\n');
  });

  it('drops standalone section lines when a value is empty', () => {
    expect(
      renderTemplate(template('a\n{{#hashtag}}\n- #{{hashtag}}\n{{/hashtag}}\nb\n'), 'post', { hashtag: '' }),
    ).toBe('a\nb\n');
  });

  it('allows the names of nested lists even when the list is empty', () => {
    expect(renderTemplate(template('{{#speakers}}{{name}}{{/speakers}}x'), 'session', { speakers: [] })).toBe('x');
  });

  it('refuses names the template does not have, so a template cannot reach prototypes', () => {
    for (const text of ['{{constructor}}', '{{#title.constructor}}x{{/title.constructor}}', '{{titel}}']) {
      expect(() => renderTemplate(template(text), 'post', { title: 't' })).toThrow(ConfigError);
    }
    expect(() => renderTemplate(template('a\n{{titel}}'), 'qa', {})).toThrow(
      /unknown name \{\{titel\}\}; this template can use: answer, asker, first, heading, honorific, pairs, question/,
    );
  });

  it('refuses partials and reports a broken template with its line', () => {
    expect(() => renderTemplate(template('{{> other}}'), 'post', {})).toThrow(/partials/);
    const error = (() => {
      try {
        renderTemplate(template('ok\n{{#title}}\nnever closed'), 'post', { title: 'x' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.location).toBe('test.md:3:13');
    expect(error?.message).toBe('the template cannot be read: Unclosed section "title"');
  });
});

describe('loadTemplate', () => {
  it('takes the built-in template for the language', async () => {
    const dir = tempDir();
    const ja = await loadTemplate(nodeFileSystem, { root: dir }, 'post', 'ja');
    expect(ja.text).toContain('ハッシュタグ');
    const en = await loadTemplate(nodeFileSystem, { root: dir }, 'post', 'en');
    expect(en.text).toContain('Hashtag');
  });

  it("prefers the site's .meetup-note/templates", async () => {
    const dir = copySite('site-template');
    const loaded = await loadTemplate(nodeFileSystem, { root: dir }, 'post', 'en');
    expect(loaded.text).toBe('Report of **{{event}}** ({{{eventUrl}}}) on {{dateDisplay}}.\n\n');
    expect(loaded.source).toBe(path.join('.meetup-note', 'templates', 'post.en.md'));
  });

  it('refuses a site template that links outside the site', async () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.md'), 'secret');
    const dir = tempDir();
    mkdirSync(path.join(dir, '.meetup-note', 'templates'), { recursive: true });
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, '.meetup-note', 'templates', 'post.en.md'));
    await expect(loadTemplate(nodeFileSystem, { root: dir }, 'post', 'en')).rejects.toThrow(/links outside the site/);
  });
});
