import path from 'node:path';
import { baseOf } from '../config/base-url.js';
import type { SiteConfig } from '../config/types.js';
import { type Template, renderTemplate } from '../templates/render.js';
import { markdownUrl } from '../templates/markdown.js';
import { OffsetDateTime, type TomlTable, type TomlValue, stringifyToml } from '../toml/write.js';
import type { PostDate } from './date.js';

export interface NewPostInput {
  title: string;
  event: string;
  eventUrl: string;
  hashtag: string;
  description: string;
  author: string;
  date: PostDate;
  categories: string[];
  tags: string[];
  slug: string;
  draft: boolean;
}

export interface PostPaths {
  /** Absolute path of the post. */
  postFile: string;
  /** True when the post is a page bundle (`.../{slug}/index.md`): its images sit beside it. */
  bundle: boolean;
  /** Absolute path of the folder for the photos. */
  imageDir: string;
  /** The image folder relative to the static folder (empty for a bundle), as front matter `images` use it. */
  imageDirInStatic: string;
  /** How the post links an image of that folder: `/img/2019/11/slug/` (with baseURL's sub-path), or `` for a bundle. */
  imageUrl: string;
}

export function expandPattern(pattern: string, slug: string, date: Pick<PostDate, 'yyyy' | 'mm' | 'dd'>): string {
  return pattern.replace(/\{(slug|yyyy|mm|dd)\}/g, (_, name: 'slug' | 'yyyy' | 'mm' | 'dd') =>
    name === 'slug' ? slug : date[name],
  );
}

/** The photo folder of a post that is no page bundle (new.imageDir under staticDir) and the URL its files have. */
export function staticImageFolder(
  site: SiteConfig,
  slug: string,
  date: Pick<PostDate, 'yyyy' | 'mm' | 'dd'>,
): { imageDir: string; imageDirInStatic: string; imageUrl: string } {
  const imageDirInStatic = expandPattern(site.new.imageDir, slug, date).replace(/^\/+|\/+$/g, '');
  return {
    imageDir: path.join(site.root, site.staticDir, imageDirInStatic),
    imageDirInStatic,
    imageUrl: `${baseOf(site).prefix}${imageDirInStatic}/`,
  };
}

export function planPaths(site: SiteConfig, slug: string, date: PostDate): PostPaths {
  const relativePost = expandPattern(site.new.postPath, slug, date);
  const postFile = path.join(site.root, site.contentDir, relativePost);
  const bundle = /(^|\/)index\.(md|markdown)$/.test(relativePost);
  if (bundle) return { postFile, bundle, imageDir: path.dirname(postFile), imageDirInStatic: '', imageUrl: '' };
  return { postFile, bundle, ...staticImageFolder(site, slug, date) };
}

function expandValue(value: unknown, input: NewPostInput, paths: PostPaths): TomlValue {
  if (typeof value === 'string') {
    const expanded = expandPattern(value, input.slug, input.date).replace(/\{imageDir\}/g, paths.imageDirInStatic);
    // In a bundle `{imageDir}/featured.png` becomes `featured.png`, beside index.md.
    return paths.bundle && value.includes('{imageDir}') ? expanded.replace(/^\/+/, '') : expanded;
  }
  if (Array.isArray(value)) return value.map((v) => expandValue(v, input, paths));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandValue(v, input, paths)]));
  }
  return value as TomlValue;
}

/** Front matter in the order writers keep it: title, date, draft, who and what, terms, then the site's extras. */
export function buildFrontMatter(input: NewPostInput, site: SiteConfig, paths: PostPaths): TomlTable {
  const table: TomlTable = { title: input.title, date: new OffsetDateTime(input.date.text), draft: input.draft };
  if (input.author) table.author = input.author;
  if (input.description) table.description = input.description;
  table.categories = input.categories;
  table.tags = input.tags;
  const taken = new Set(Object.keys(table).map((k) => k.toLowerCase()));
  for (const [key, value] of Object.entries(site.new.frontMatter)) {
    if (!taken.has(key.toLowerCase())) table[key] = expandValue(value, input, paths);
  }
  return table;
}

const EVENT_SITES: [RegExp, string][] = [
  [/(^|\.)connpass\.com$/, 'connpass'],
  [/(^|\.)doorkeeper\.jp$/, 'Doorkeeper'],
  [/(^|\.)meetup\.com$/, 'Meetup'],
  [/(^|\.)peatix\.com$/, 'Peatix'],
  [/(^|\.)techplay\.jp$/, 'TECH PLAY'],
  [/(^|\.)(lu\.ma|luma\.com)$/, 'Luma'],
  [/(^|\.)eventbrite\./, 'Eventbrite'],
  [/(^|\.)zoom\.us$/, 'Zoom'],
  [/(^|\.)youtube\.com$|(^|\.)youtu\.be$/, 'YouTube'],
];

/** The link text for an event page: the service's name (`connpass`), else a generic label. */
export function eventSiteName(url: string, fallback: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return EVENT_SITES.find(([pattern]) => pattern.test(host))?.[1] ?? fallback;
  } catch {
    return fallback;
  }
}

export function postView(input: NewPostInput, paths: PostPaths, eventPageLabel: string): Record<string, unknown> {
  return {
    title: input.title,
    event: input.event || input.title,
    eventUrl: input.eventUrl ? markdownUrl(input.eventUrl) : '',
    eventSite: input.eventUrl ? eventSiteName(input.eventUrl, eventPageLabel) : '',
    hashtag: input.hashtag,
    hashtagUrl: input.hashtag ? `https://x.com/hashtag/${encodeURIComponent(input.hashtag)}` : '',
    description: input.description,
    author: input.author,
    date: input.date.text,
    dateDisplay: input.date.display,
    slug: input.slug,
    imageUrl: paths.imageUrl,
  };
}

/** The whole new post: `+++` TOML front matter, a blank line, the event header from the template. */
export function renderNewPost(
  input: NewPostInput,
  site: SiteConfig,
  paths: PostPaths,
  template: Template,
  eventPageLabel: string,
): string {
  const frontMatter = stringifyToml(buildFrontMatter(input, site, paths));
  const body = renderTemplate(template, 'post', postView(input, paths, eventPageLabel));
  return `+++\n${frontMatter}+++\n\n${body}`;
}
