import { attributes, decodeEntities } from '../html/tags.js';
import type { EventInfo, EventTalk } from './types.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain text from a JSON-LD or meta value: entities decoded, tags dropped, white space folded. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const plain = decodeEntities(value.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return plain || undefined;
}

function first<T>(value: T | T[] | undefined): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function nameOf(value: unknown): string | undefined {
  const item = first(value as unknown[]);
  if (typeof item === 'string') return text(item);
  return isObject(item) ? text(item.name) : undefined;
}

function typesOf(node: Json): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#]/, ''));
}

/** schema.org Event and its subtypes (EducationEvent, BusinessEvent, ...), not EventSeries or reservations. */
function isEvent(node: Json): boolean {
  return typesOf(node).some((type) => /Event$/.test(type));
}

/** Every node of the JSON-LD blocks: top-level arrays and @graph flattened; invalid blocks skipped and counted. */
export function jsonLdNodes(html: string): { nodes: Json[]; broken: number } {
  const nodes: Json[] = [];
  let broken = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const type = attributes(`<script ${match[1]}>`).get('type')?.value.toLowerCase();
    if (type !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse(match[2]!.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      broken++;
      continue;
    }
    const queue = Array.isArray(data) ? [...data] : [data];
    for (let i = 0; i < queue.length; i++) {
      const item = queue[i];
      if (!isObject(item)) continue;
      nodes.push(item);
      if (Array.isArray(item['@graph'])) for (const node of item['@graph']) queue.push(node);
    }
  }
  return { nodes, broken };
}

function locationOf(value: unknown): string | undefined {
  const place = first(value as unknown[]);
  if (typeof place === 'string') return text(place);
  if (!isObject(place)) return undefined;
  const address = place.address;
  const street =
    typeof address === 'string'
      ? text(address)
      : isObject(address)
        ? [address.addressLocality, address.streetAddress].map(text).filter(Boolean).join(' ')
        : undefined;
  return [text(place.name), street].filter(Boolean).join(', ') || text(place.url);
}

function talksOf(value: unknown): EventTalk[] {
  const items = Array.isArray(value) ? value : value ? [value] : [];
  return items.filter(isObject).flatMap((item) => {
    const title = text(item.name);
    if (!title) return [];
    const talk: EventTalk = { title };
    const speaker = nameOf(item.performer) ?? nameOf(item.organizer);
    if (speaker) talk.speaker = speaker;
    const url = text(item.url);
    if (url && /^https?:/.test(url)) talk.slides = url;
    return [talk];
  });
}

/** The `content` of each <meta> by its property or name, lower-cased (`og:title`, `description`). */
function metaTags(html: string): Map<string, string> {
  const metas = new Map<string, string>();
  for (const match of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    const key = (attrs.get('property') ?? attrs.get('name'))?.value.toLowerCase();
    const content = attrs.get('content')?.value;
    if (key && content !== undefined && !metas.has(key)) metas.set(key, decodeEntities(content));
  }
  return metas;
}

/** A hashtag the page links to (X/Twitter hashtag or search links), without its `#`. */
export function hashtagOf(html: string): string | undefined {
  const link = /(?:twitter|x)\.com\/(?:hashtag\/|search\?q=(?:%23|#))([^"'&?\s/<>]+)/i.exec(html);
  if (!link) return undefined;
  try {
    return decodeURIComponent(link[1]!).replace(/^#/, '') || undefined;
  } catch {
    return undefined;
  }
}

export interface PageReading {
  info?: EventInfo;
  /** JSON-LD blocks that were not valid JSON (skipped). */
  broken: number;
}

/** What an event page says: a schema.org Event in JSON-LD, else OpenGraph, else the <title>. */
export function readEventPage(html: string, pageUrl: string): PageReading {
  const { nodes, broken } = jsonLdNodes(html);
  const metas = metaTags(html);
  const hashtag = hashtagOf(html);
  const event = nodes.find(isEvent);
  if (event) {
    const info: EventInfo = { talks: talksOf(event.subEvent), source: 'JSON-LD' };
    const set = <K extends keyof EventInfo>(key: K, value: EventInfo[K] | undefined) => {
      if (value !== undefined) info[key] = value;
    };
    set('name', text(event.name));
    set('url', text(event.url) ?? metas.get('og:url') ?? pageUrl);
    set('startDate', text(event.startDate));
    set('description', text(event.description) ?? text(metas.get('og:description')));
    set('location', locationOf(event.location));
    set('organizer', nameOf(event.organizer));
    set('hashtag', hashtag);
    if (/(^|\.)connpass\.com$/.test(new URL(pageUrl).hostname)) set('series', nameOf(event.organizer));
    return { info, broken };
  }
  const title = text(metas.get('og:title')) ?? text(/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]);
  if (!title) return { broken };
  const info: EventInfo = {
    name: title,
    url: metas.get('og:url') ?? pageUrl,
    talks: [],
    source: metas.has('og:title') ? 'OpenGraph' : '<title>',
  };
  const description = text(metas.get('og:description') ?? metas.get('description'));
  if (description) info.description = description;
  if (hashtag) info.hashtag = hashtag;
  return { info, broken };
}
