import { connpassEventId, CONNPASS_API, readConnpassEvent } from './connpass.js';
import { DEFAULT_LIMITS, FetchError, type FetchLimits, fetchText } from './fetch.js';
import { readEventPage } from './page.js';
import type { EventInfo } from './types.js';
import type { Say } from '../errors.js';

export interface ReadResult {
  info?: EventInfo;
  /** What went wrong on the way, in order: each is said to the writer, who goes on with the prompts. */
  /** What could not be used, each worded when it is said. */
  problems: Say[];
}

function limitsFrom(env: Record<string, string | undefined>): FetchLimits {
  const timeout = Number(env.MEETUP_NOTE_FETCH_TIMEOUT_MS);
  return Number.isFinite(timeout) && timeout > 0 ? { ...DEFAULT_LIMITS, timeoutMs: timeout } : DEFAULT_LIMITS;
}

/**
 * Reads an event: through the connpass API when it is a connpass event and CONNPASS_API_KEY is set
 * (MEETUP_NOTE_CONNPASS_API points it elsewhere), else from the page itself. Never throws: every
 * failure is a problem to report.
 */
export async function readEvent(url: string, env: Record<string, string | undefined>): Promise<ReadResult> {
  const problems: Say[] = [];
  const limits = limitsFrom(env);
  const id = connpassEventId(url);
  if (id && env.CONNPASS_API_KEY) {
    try {
      return {
        info: await readConnpassEvent(id, env.CONNPASS_API_KEY, env.MEETUP_NOTE_CONNPASS_API || CONNPASS_API, limits),
        problems,
      };
    } catch (error) {
      problems.push((m) =>
        m.event.connpassFailed(error instanceof FetchError ? error.say(m) : String((error as Error).message)),
      );
    }
  }
  try {
    const page = await fetchText(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', limits });
    if (!/html|xml/i.test(page.contentType)) {
      problems.push((m) => `${page.url}: ${m.event.notHtml(page.contentType)}`);
      return { problems };
    }
    const { info, broken } = readEventPage(page.body, page.url);
    if (broken) problems.push((m) => `${page.url}: ${m.event.brokenJsonLd(broken)}`);
    if (!info) problems.push((m) => `${page.url}: ${m.event.noEvent}`);
    else if (info.source !== 'JSON-LD') problems.push((m) => `${page.url}: ${m.event.tookTitle(info.source)}`);
    return info ? { info, problems } : { problems };
  } catch (error) {
    if (error instanceof FetchError) {
      const { url: where, say } = error;
      problems.push((m) => `${where}: ${say(m)}`);
      return { problems };
    }
    throw error;
  }
}
