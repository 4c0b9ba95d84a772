import path from 'node:path';
import { loadSite, resolveStartDir } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { InputError } from '../errors.js';
import { type Snapshot, readSnapshot } from '../io/files.js';
import type { FrontMatter } from '../post/frontmatter.js';
import { parsePost } from '../post/parse.js';
import { listPosts } from '../site/posts.js';
import { displayPath } from './shared.js';

export interface TargetPost {
  site: SiteConfig;
  file: string;
  display: string;
  text: string;
  snapshot: Snapshot;
  frontMatter: FrontMatter;
  /** True when no post was named and the most recently changed one was taken. */
  picked: boolean;
}

async function mostRecentPost(deps: Deps, site: SiteConfig): Promise<string> {
  const posts = await listPosts(deps.fs, site.root, site.contentDirs);
  let best: { file: string; mtime: number } | undefined;
  for (const file of posts) {
    const { mtimeMs } = await deps.fs.stat(file);
    if (!best || mtimeMs > best.mtime) best = { file, mtime: mtimeMs };
  }
  if (!best) throw new InputError(`no posts under ${site.contentDirs.join(', ')}; create one with \`meetup-note new\``, site.root);
  return best.file;
}

/** The post named on the command line (its own site's config applies), else the site's most recently changed post. */
export async function resolveTargetPost(postArgument: string | undefined, cwdOption: string | undefined, deps: Deps): Promise<TargetPost> {
  let file: string;
  let site: SiteConfig;
  if (postArgument !== undefined) {
    file = path.resolve(await resolveStartDir(deps, cwdOption), postArgument);
    const stat = await deps.fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) throw new InputError('no such post; give the path of a Markdown post', displayPath(deps.cwd, file));
    site = await loadSite(deps, path.dirname(file));
  } else {
    site = await loadSite(deps, cwdOption);
    file = await mostRecentPost(deps, site);
  }
  const display = displayPath(deps.cwd, file);
  const { text, snapshot } = await readSnapshot(deps.fs, file);
  const parsed = parsePost(text);
  if (parsed.kind === 'none') throw new InputError('has no front matter (+++ or --- on the first line); is it a post?', display);
  if (parsed.kind === 'unclosed') throw new InputError(`the front matter is not closed: add a line ${parsed.delimiter} after it`, `${display}:1:1`);
  if (parsed.kind === 'invalid') {
    throw new InputError(`the front matter is not valid ${parsed.frontMatter.format.toUpperCase()}: ${parsed.failure.message}`, `${display}:${parsed.failure.line}:${parsed.failure.column}`);
  }
  return { site, file, display, text, snapshot, frontMatter: parsed.frontMatter, picked: postArgument === undefined };
}
