import { type PostDate, inZone, parsePostDate } from '../post/date.js';
import type { NewPostInput } from '../post/new-post.js';
import { hashtagProblem, normalizeHashtag, oneLineProblem, urlProblem } from '../post/text.js';
import type { EventInfo, EventTalk } from './types.js';

/** A page may list any number of talks; a report takes at most this many (the rest are counted and said). */
export const MAX_TALKS = 100;

/**
 * One line of plain text from what a page said (controls and bidi overrides out), or undefined when nothing usable is
 * left.
 */
function line(value: string | undefined, max = 200): string | undefined {
  if (!value) return undefined;
  const clean = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean || oneLineProblem(clean)) return undefined;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** The date of an event as the post writes it: the page's offset kept; UTC (`Z`) shown in the site's zone. */
export function eventDate(startDate: string | undefined, timezone: string): PostDate | undefined {
  if (!startDate) return undefined;
  const normalized = startDate.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const utc = /[zZ]$/.test(normalized) ? inZone(normalized, timezone) : undefined;
  const parsed = parsePostDate(utc ?? normalized, timezone);
  return 'problem' in parsed ? undefined : parsed;
}

/** What the event suggests for a new post: each value checked as if typed, dropped when it would not pass. */
export function suggestionsFrom(info: EventInfo, requestedUrl: string, timezone: string): Partial<NewPostInput> {
  const suggested: Partial<NewPostInput> = {};
  const name = line(info.name, 120);
  if (name) {
    suggested.event = name;
    suggested.title = `【${name}】`;
  }
  const url = info.url && !urlProblem(info.url) ? info.url : requestedUrl;
  if (!urlProblem(url)) suggested.eventUrl = url;
  const hashtag = info.hashtag ? normalizeHashtag(info.hashtag) : '';
  if (hashtag && !hashtagProblem(hashtag)) suggested.hashtag = hashtag;
  const date = eventDate(info.startDate, timezone);
  if (date) suggested.date = date;
  const description = line(info.description);
  if (description) suggested.description = description;
  return suggested;
}

/**
 * The talks of an event as they will be written: each title and speaker cleaned to one line of plain
 * text (or the talk dropped when nothing is left), slides kept only when an http(s) URL; at most MAX_TALKS.
 */
export function talksFrom(info: EventInfo): { talks: EventTalk[]; dropped: number; max: number } {
  const talks: EventTalk[] = [];
  let dropped = 0;
  for (const talk of info.talks) {
    const title = line(talk.title);
    if (!title || talks.length >= MAX_TALKS) {
      dropped++;
      continue;
    }
    const clean: EventTalk = { title };
    const speaker = line(talk.speaker, 100);
    if (speaker) clean.speaker = speaker;
    if (talk.slides && !urlProblem(talk.slides.trim()) && talk.slides.length <= 2000) clean.slides = talk.slides.trim();
    talks.push(clean);
  }
  return { talks, dropped, max: MAX_TALKS };
}
