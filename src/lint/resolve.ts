import path from 'node:path';
import { baseOf } from '../config/base-url.js';
import type { SiteConfig } from '../config/types.js';
import type { ImageRef } from '../post/markdown-refs.js';

/** A place a referenced file may be: a folder of the site and the path below it. */
export interface Candidate {
  base: string;
  segments: string[];
  /**
   * The folders of the path are page paths, which Hugo publishes in lower case: `python-custom` is `Python-Custom/`.
   */
  lowerDirs?: boolean;
}

/** What an image URL points at, before looking at the disk. */
export type Target =
  | { kind: 'skip' }
  | { kind: 'empty' }
  | { kind: 'outside'; display: string }
  | {
      kind: 'local' | 'localhost' | 'self' | 'root';
      candidates: Candidate[];
      /** For self and localhost URLs: the URL as it should be written, root-relative. */
      rootRelative?: string;
      /** For root-relative URLs: the site has a sub-path and the URL does not start with it. */
      outsideSubPath?: boolean;
    };

const LOCALHOST = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\]|::1)$/i;

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `a/./b/../c.png` -> ['a', 'c.png']; undefined when `..` climbs above the start. */
export function normalizeSegments(relative: string): string[] | undefined {
  const out: string[] = [];
  for (const raw of relative.split('/')) {
    const segment = decodeSegment(raw);
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out;
}

function stripQuery(url: string): string {
  return url.replace(/[?#].*$/, '');
}

/**
 * A path of the published site (no leading slash) as files of the static folders, then of the content folders (page
 * bundles).
 */
function siteCandidates(site: SiteConfig, sitePath: string): Candidate[] {
  const segments = normalizeSegments(sitePath);
  if (!segments) return [];
  const statics = site.staticDirs.map((dir) => ({ base: path.join(site.root, dir), segments }));
  const bundles = site.contentDirs.map((dir) => ({
    base: path.join(site.root, dir),
    segments,
    lowerDirs: site.pathToLower,
  }));
  return [...statics, ...bundles];
}

/**
 * Where an image render hook finds a Markdown image: the page's own resources (a leading `/`
 * trimmed, as `.Page.Resources.Get` takes it) and the `assets` folders (`resources.Get`).
 */
function renderHookCandidates(site: SiteConfig, post: { bundleDir?: string }, destination: string): Candidate[] {
  const segments = normalizeSegments(destination.replace(/^\/+/, ''));
  if (!segments) return [];
  const bundle = post.bundleDir ? [{ base: post.bundleDir, segments }] : [];
  return [...bundle, ...site.assetsDirs.map((dir) => ({ base: path.join(site.root, dir), segments }))];
}

function fileCandidate(site: SiteConfig, absolute: string): Candidate | undefined {
  const relative = path.relative(site.root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return { base: site.root, segments: relative.split(path.sep).filter(Boolean) };
}

/** Where the URL of an image reference of this post can point. */
export function resolveTarget(ref: ImageRef, post: { file: string; bundleDir?: string }, site: SiteConfig): Target {
  const url = ref.url.trim();
  if (url === '') return { kind: 'empty' };
  if (url.startsWith('#')) return { kind: 'skip' };
  const base = baseOf(site);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme || url.startsWith('//')) {
    if (scheme && scheme !== 'http' && scheme !== 'https') return { kind: 'skip' };
    let parsed: URL;
    try {
      parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    } catch {
      return { kind: 'skip' };
    }
    const host = parsed.host.toLowerCase();
    const localhost = LOCALHOST.test(parsed.hostname);
    const self = !localhost && base.host !== undefined && host === base.host && parsed.pathname.startsWith(base.prefix);
    if (!localhost && !self) return { kind: 'skip' };
    const sitePath = parsed.pathname.startsWith(base.prefix)
      ? parsed.pathname.slice(base.prefix.length)
      : parsed.pathname.slice(1);
    return {
      kind: localhost ? 'localhost' : 'self',
      candidates: siteCandidates(site, sitePath),
      rootRelative: `${base.prefix}${sitePath}${parsed.search}${parsed.hash}`,
    };
  }
  const pathPart = stripQuery(url);
  const viaRenderHook = site.imageRenderHook && (ref.syntax === 'markdown' || ref.syntax === 'reference');
  if (pathPart.startsWith('/')) {
    const inPrefix = pathPart.startsWith(base.prefix);
    const sitePath = inPrefix ? pathPart.slice(base.prefix.length) : pathPart.slice(1);
    const candidates = siteCandidates(site, sitePath);
    if (viaRenderHook) candidates.push(...renderHookCandidates(site, post, pathPart));
    return { kind: 'root', candidates, outsideSubPath: base.prefix !== '/' && !inPrefix && !viaRenderHook };
  }
  // A relative path: front matter paths are under the static folders (and a bundle's own folder);
  // in the body, relative to the page: its bundle, or the page's URL, or (as render hooks do) the static root.
  const candidates: Candidate[] = [];
  const decoded = pathPart;
  if (post.bundleDir) {
    // Beside index.md: looked up from the bundle's folder (one listing), unless `..` climbs out of it.
    const own = normalizeSegments(decoded);
    const inBundle = own
      ? { base: post.bundleDir, segments: own }
      : fileCandidate(site, path.resolve(post.bundleDir, ...decoded.split('/').map(decodeSegment)));
    if (inBundle) candidates.push(inBundle);
  }
  if (ref.syntax !== 'frontmatter' && !post.bundleDir) {
    const contentDir = site.contentDirs.find(
      (dir) => !path.relative(path.join(site.root, dir), post.file).startsWith('..'),
    );
    if (contentDir) {
      const pageDir = path
        .relative(path.join(site.root, contentDir), post.file)
        .replace(/\.[^.\\/]+$/, '')
        .split(path.sep)
        .join('/');
      candidates.push(...siteCandidates(site, `${pageDir}/${decoded}`));
    }
    const beside = fileCandidate(site, path.resolve(path.dirname(post.file), ...decoded.split('/').map(decodeSegment)));
    if (beside) candidates.push(beside);
  }
  candidates.push(...siteCandidates(site, decoded));
  if (viaRenderHook) candidates.push(...renderHookCandidates(site, post, decoded));
  if (candidates.length === 0) return { kind: 'outside', display: url };
  return { kind: 'local', candidates };
}
