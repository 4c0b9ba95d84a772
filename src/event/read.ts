import { connpassEventId, CONNPASS_API, readConnpassEvent } from './connpass.js';
import { DEFAULT_LIMITS, FetchError, type FetchLimits, fetchText } from './fetch.js';
import { readEventPage } from './page.js';
import type { EventInfo } from './types.js';

export interface ReadResult {
  info?: EventInfo;
  /** What went wrong on the way, in order: each is said to the writer, who goes on with the prompts. */
  problems: string[];
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
  const problems: string[] = [];
  const limits = limitsFrom(env);
  const id = connpassEventId(url);
  if (id && env.CONNPASS_API_KEY) {
    try {
      return { info: await readConnpassEvent(id, env.CONNPASS_API_KEY, env.MEETUP_NOTE_CONNPASS_API || CONNPASS_API, limits), problems };
    } catch (error) {
      problems.push(`connpass API: ${(error as Error).message}; reading the page instead`);
    }
  }
  try {
    const page = await fetchText(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', limits });
    if (!/html|xml/i.test(page.contentType)) {
      problems.push(`${page.url}: not an HTML page (${page.contentType || 'no content type'})`);
      return { problems };
    }
    const { info, broken } = readEventPage(page.body, page.url);
    if (broken) problems.push(`${page.url}: ${broken} JSON-LD ${broken === 1 ? 'block is' : 'blocks are'} not valid JSON and ${broken === 1 ? 'was' : 'were'} skipped`);
    if (!info) problems.push(`${page.url}: no event on the page (no JSON-LD Event, OpenGraph title or <title>)`);
    else if (info.source !== 'JSON-LD') problems.push(`${page.url}: no JSON-LD Event; took the ${info.source} title`);
    return info ? { info, problems } : { problems };
  } catch (error) {
    if (error instanceof FetchError) {
      problems.push(`${error.url}: ${error.message}`);
      return { problems };
    }
    throw error;
  }
}
