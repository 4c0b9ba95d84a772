import type { SiteConfig } from './types.js';

const bases = new Map<string, { host?: string; prefix: string }>();

/** The path of baseURL (`/` or `/tech-blog/`) and its host, if it is an absolute URL. */
export function baseOf(site: Pick<SiteConfig, 'baseURL'>): { host?: string; prefix: string } {
  let base = bases.get(site.baseURL);
  if (!base) {
    try {
      const url = new URL(site.baseURL);
      base = { host: url.host.toLowerCase(), prefix: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
    } catch {
      base = { prefix: '/' };
    }
    bases.set(site.baseURL, base);
  }
  return base;
}
