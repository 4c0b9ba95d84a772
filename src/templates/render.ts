import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type MustacheType from 'mustache';
import { lineColumnAt } from '../text/positions.js';
import type { Language, SiteConfig } from '../config/types.js';
import type { FileSystem } from '../deps.js';
import { ConfigError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { escapeMarkdown } from './markdown.js';

const Mustache = createRequire(import.meta.url)('mustache') as typeof MustacheType;

export type TemplateName = 'post' | 'session' | 'qa';

export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');
export const SITE_TEMPLATES = path.join('.meetup-note', 'templates');

export interface Template {
  text: string;
  /** Shown in errors: the site's override or the built-in file. */
  source: string;
}

/**
 * The site's `.meetup-note/templates/<name>.<lang>.md` if present (and really inside the site), else the built-in one.
 */
export async function loadTemplate(
  fs: FileSystem,
  site: Pick<SiteConfig, 'root'>,
  name: TemplateName,
  language: Language,
): Promise<Template> {
  const file = `${name}.${language}.md`;
  const override = path.join(site.root, SITE_TEMPLATES, file);
  let text: string | undefined;
  try {
    text = await fs.readFile(override, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    const real = await fs.realpath(override);
    const root = await fs.realpath(site.root);
    if (path.relative(root, real).startsWith('..')) {
      throw new ConfigError((m) => m.config.templateOutside(real), path.join(SITE_TEMPLATES, file));
    }
    return { text: text.replace(/^\uFEFF/, ''), source: path.join(SITE_TEMPLATES, file) };
  }
  return {
    text: await fs.readFile(path.join(BUILTIN_TEMPLATES, file), 'utf8'),
    source: path.join(realpathSync(BUILTIN_TEMPLATES), file),
  };
}

type Token = [string, string, number, number, Token[]?, number?];

function lineColumn(text: string, offset: number): string {
  const { line, column } = lineColumnAt(text, offset);
  return `${line}:${column}`;
}

/** The names each template may use (docs/templates.md lists them). */
export const TEMPLATE_NAMES: Record<TemplateName, readonly string[]> = {
  post: [
    'title',
    'event',
    'eventUrl',
    'eventSite',
    'hashtag',
    'hashtagUrl',
    'description',
    'author',
    'date',
    'dateDisplay',
    'slug',
    'imageUrl',
  ],
  session: ['number', 'title', 'speakers', 'name', 'honorific', 'affiliation', 'slides', 'video', 'notes', 'qa'],
  qa: ['heading', 'pairs', 'first', 'question', 'answer', 'asker', 'honorific'],
};

/**
 * Only names of the view may be used: a template is data from a cloned repo, and this keeps
 * Mustache from reaching into prototypes (`constructor`) and calling what it finds there.
 */
function checkNames(tokens: Token[], allowed: Set<string>, template: Template): void {
  for (const token of tokens) {
    const [kind, name, start] = token;
    if (kind === 'text' || kind === '!' || kind === '=') continue;
    if (kind === '>')
      throw new ConfigError(
        (m) => m.config.templatePartial(name),
        `${template.source}:${lineColumn(template.text, start)}`,
      );
    if (name !== '.' && !name.split('.').every((part) => allowed.has(part))) {
      throw new ConfigError(
        (m) => m.config.templateName(name, [...allowed].sort().join(', ')),
        `${template.source}:${lineColumn(template.text, start)}`,
      );
    }
    if (token[4]) checkNames(token[4], allowed, template);
  }
}

/** `{{name}}` is escaped for Markdown, `{{{name}}}` is inserted as is. */
export function renderTemplate(template: Template, name: TemplateName, view: Record<string, unknown>): string {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template.text) as unknown as Token[];
  } catch (error) {
    const message = (error as Error).message;
    const at = /at (\d+)$/.exec(message);
    throw new ConfigError(
      (m) => m.config.templateSyntax(message.replace(/ at \d+$/, '')),
      at ? `${template.source}:${lineColumn(template.text, Number(at[1]))}` : template.source,
    );
  }
  checkNames(tokens, new Set(TEMPLATE_NAMES[name]), template);
  return Mustache.render(template.text, view, undefined, { escape: escapeMarkdown });
}
