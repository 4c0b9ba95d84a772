import { fetchText, type FetchLimits, FetchError } from './fetch.js';
import type { EventInfo, EventTalk } from './types.js';

export const CONNPASS_API = 'https://connpass.com/api/v2';

/** The event id of a connpass event URL (`https://<group>.connpass.com/event/<id>/`), if it is one. */
export function connpassEventId(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!/(^|\.)connpass\.com$/.test(parsed.hostname)) return undefined;
    return /^\/event\/(\d+)\/?/.exec(parsed.pathname)?.[1];
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

async function getJson(url: string, key: string, limits: FetchLimits | undefined): Promise<Json> {
  const page = await fetchText(url, {
    accept: 'application/json',
    headers: { 'x-api-key': key },
    ...(limits ? { limits } : {}),
  });
  try {
    return JSON.parse(page.body) as Json;
  } catch {
    throw new FetchError((m) => m.event.connpassNotJson, url);
  }
}

/** The event and its uploaded presentations from the connpass API v2 (an API key is required). */
export async function readConnpassEvent(
  id: string,
  key: string,
  base: string,
  limits?: FetchLimits,
): Promise<EventInfo> {
  const root = base.replace(/\/+$/, '');
  const found = await getJson(`${root}/events/?event_id=${encodeURIComponent(id)}`, key, limits);
  const event = (Array.isArray(found.events) ? found.events[0] : undefined) as Json | undefined;
  if (!event) throw new FetchError((m) => m.event.connpassUnknown(id), root);
  const info: EventInfo = { talks: [], source: 'connpass API' };
  const set = <K extends keyof EventInfo>(k: K, value: EventInfo[K] | undefined) => {
    if (value !== undefined) info[k] = value;
  };
  set('name', str(event.title));
  set('url', str(event.url));
  set('startDate', str(event.started_at));
  set('description', str(event.catch));
  set('hashtag', str(event.hash_tag)?.replace(/^#/, ''));
  const group = event.group as Json | null | undefined;
  set('series', str(group?.title));
  set('location', [str(event.place), str(event.address)].filter(Boolean).join(', ') || undefined);
  set('organizer', str(event.owner_display_name) ?? str(event.owner_nickname));
  try {
    const presentations = await getJson(`${root}/events/${encodeURIComponent(id)}/presentations/`, key, limits);
    for (const item of Array.isArray(presentations.presentations) ? (presentations.presentations as Json[]) : []) {
      const title = str(item.name);
      if (!title) continue;
      const talk: EventTalk = { title };
      const presenter = (item.presenter ?? item.user) as Json | null | undefined;
      const speaker = str(presenter?.nickname);
      if (speaker) talk.speaker = `@${speaker.replace(/^@/, '')}`;
      const url = str(item.url);
      if (url && item.presentation_type === 'slide') talk.slides = url;
      info.talks.push(talk);
    }
  } catch {
    // No presentations is not a failure: the event itself was read.
  }
  return info;
}
