/** Fetching an event page the way a careful client does: http(s) only, bounded in time, hops and size. */
import { MESSAGES, type Messages } from '../i18n/messages.js';

export const USER_AGENT = 'meetup-note (reads one event page to start a meetup report)';

export interface FetchLimits {
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 10_000, maxRedirects: 5, maxBytes: 5 * 1024 * 1024 };

/** A page that could not be read; worded by the catalog when it is said (`say`). */
export class FetchError extends Error {
  constructor(
    readonly say: (m: Messages) => string,
    readonly url: string,
  ) {
    super(say(MESSAGES.en));
    this.name = 'FetchError';
  }
}

export interface Page {
  /** The URL after redirects. */
  url: string;
  body: string;
  contentType: string;
}

function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError((m) => m.event.notUrl(url), url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new FetchError((m) => m.event.scheme(parsed.protocol), url);
  return parsed;
}

/** Reads the body up to the limit; more is an error, not a cut page. */
async function readBody(response: Response, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new FetchError((m) => m.event.tooLarge(maxBytes / 1024 / 1024), url);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchError((m) => m.event.tooLarge(maxBytes / 1024 / 1024), url);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** GET with manual redirects (each hop checked), a time limit for the whole exchange, and a size limit. */
export async function fetchText(
  url: string,
  options: { limits?: FetchLimits; headers?: Record<string, string>; accept: string },
): Promise<Page> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = checkUrl(url).href;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': USER_AGENT, accept: options.accept, ...options.headers },
      });
    } catch (error) {
      if (signal.aborted) throw new FetchError((m) => m.event.timeout(limits.timeoutMs / 1000), current);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const host = new URL(current).host;
      throw new FetchError((m) => m.event.unreachable(host, cause?.code ?? ''), current);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      if (hop >= limits.maxRedirects) throw new FetchError((m) => m.event.redirects(limits.maxRedirects), current);
      current = checkUrl(new URL(response.headers.get('location')!, current).href).href;
      continue;
    }
    const status = `${response.status} ${response.statusText}`.trim();
    if (response.status >= 400) throw new FetchError((m) => m.event.status(status), current);
    try {
      const body = await readBody(response, limits.maxBytes, current);
      return { url: current, body: body.toString('utf8'), contentType: response.headers.get('content-type') ?? '' };
    } catch (error) {
      if (signal.aborted) throw new FetchError((m) => m.event.timeout(limits.timeoutMs / 1000), current);
      throw error;
    }
  }
}
