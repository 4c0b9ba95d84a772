import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { cacheHome, shortHash } from '../io/cache.js';
import { decodeText } from '../io/encoding.js';
import { readDate } from '../post/hugo-date.js';
import { getField, parsePost } from '../post/parse.js';
import { listPosts } from './posts.js';

/** Where the report being written is remembered for a site: the user's cache, never the blog. */
function rememberedFile(site: SiteConfig, env: Deps['env']): string | undefined {
  const home = cacheHome(env);
  return home && path.join(home, `report-${shortHash(site.root)}.txt`);
}

/** Notes the post `new` just created as the report being written (a cache that cannot be written is no error). */
export async function rememberReport(deps: Pick<Deps, 'fs' | 'env'>, site: SiteConfig, file: string): Promise<void> {
  const remembered = rememberedFile(site, deps.env);
  if (!remembered) return;
  try {
    await deps.fs.mkdir(path.dirname(remembered), { recursive: true });
    await deps.fs.writeFile(remembered, path.relative(site.root, file));
  } catch {
    // Only the default of the next add-session is lost.
  }
}

export interface ReportChoice {
  file: string;
  /** Why it is the default: the one `new` created last, the newest draft, or the one changed last. */
  reason: 'new' | 'draft' | 'changed';
}

/** A post's draft flag and its date (earliest meaning), when its front matter can be read. */
async function draftDate(deps: Pick<Deps, 'fs'>, file: string): Promise<number | undefined> {
  const decoded = decodeText(await deps.fs.readFile(file).catch(() => new Uint8Array([0])));
  if (!('text' in decoded)) return undefined;
  const parsed = parsePost(decoded.text);
  if (parsed.kind !== 'ok' || getField(parsed.data, 'draft') !== true) return undefined;
  const date = getField(parsed.data, 'date');
  if (date instanceof Date) return date.getTime();
  const reading = typeof date === 'string' ? readDate(date) : undefined;
  return reading?.ok ? reading.earliest : 0;
}

/**
 * The report being written, for add-session, add-qa and images add without a post named: the post
 * the last `meetup-note new` created for this site, while it exists; else the newest draft by its
 * front matter date; else the post changed last. Also the other candidates, most recent first.
 */
export async function reportsBeingWritten(deps: Pick<Deps, 'fs' | 'env'>, site: SiteConfig): Promise<ReportChoice[]> {
  // A list page (_index.md) is no report: talks are never added to a section's page.
  const posts = (await listPosts(deps.fs, site.root, site.contentDirs)).filter(
    (file) => !/^_index\.(md|markdown)$/i.test(path.basename(file)),
  );
  const byMtime: { file: string; mtime: number }[] = [];
  for (const file of posts) {
    const stat = await deps.fs.stat(file).catch(() => undefined);
    if (stat?.isFile()) byMtime.push({ file, mtime: stat.mtimeMs });
  }
  byMtime.sort((a, b) => b.mtime - a.mtime);
  const choices: ReportChoice[] = [];
  const remembered = rememberedFile(site, deps.env);
  const relative = remembered ? await deps.fs.readFile(remembered, 'utf8').catch(() => undefined) : undefined;
  const fromNew = relative?.trim() ? path.resolve(site.root, relative.trim()) : undefined;
  if (fromNew && byMtime.some((p) => p.file === fromNew)) choices.push({ file: fromNew, reason: 'new' });
  let newestDraft: { file: string; date: number } | undefined;
  // A draft being written was changed lately: the 200 changed last are read, not a 10,000-post archive.
  for (const { file } of byMtime.slice(0, 200)) {
    const date = await draftDate(deps, file);
    if (date !== undefined && (!newestDraft || date > newestDraft.date)) newestDraft = { file, date };
  }
  if (newestDraft && newestDraft.file !== fromNew) choices.push({ file: newestDraft.file, reason: 'draft' });
  for (const { file } of byMtime) if (!choices.some((c) => c.file === file)) choices.push({ file, reason: 'changed' });
  return choices;
}
