import path from 'node:path';
import { loadSite, resolveStartDir } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { FileProblemError, InputError } from '../errors.js';
import { writeJournal } from '../io/cache.js';
import { type Commit, type EditTarget, commitEdit, openForEdit, realFolders } from '../io/files.js';
import type { FrontMatter } from '../post/frontmatter.js';
import { parsePost } from '../post/parse.js';
import { isPostFile, listPosts } from '../site/posts.js';
import { displayPath } from './shared.js';

export interface TargetPost extends EditTarget {
  site: SiteConfig;
  frontMatter: FrontMatter;
  /** True when no post was named and the most recently changed one was taken. */
  picked: boolean;
}

async function mostRecentPost(deps: Deps, site: SiteConfig): Promise<string> {
  const posts = await listPosts(deps.fs, site.root, site.contentDirs);
  let best: { file: string; mtime: number } | undefined;
  for (const file of posts) {
    // A dangling link or an unreadable post is not the one being written.
    const stat = await deps.fs.stat(file).catch(() => undefined);
    if (stat?.isFile() && (!best || stat.mtimeMs > best.mtime)) best = { file, mtime: stat.mtimeMs };
  }
  if (!best) throw new InputError(`no posts under ${site.contentDirs.join(', ')}; create one with \`meetup-note new\``, site.root);
  return best.file;
}

/** Opens a post of the site for an edit: a Markdown file whose real path lies in a content folder, UTF-8. */
export async function openPost(deps: Deps, site: SiteConfig, file: string): Promise<EditTarget> {
  const shown = { display: displayPath(deps.cwd, file), language: site.language };
  if (!isPostFile(file)) throw new FileProblemError({ id: 'notPost' }, site.language, shown.display);
  return openForEdit(deps.fs, file, await realFolders(deps.fs, site.root, site.contentDirs), shown);
}

/** Writes an edit of a site file under its lock, building on what another meetup-note wrote meanwhile (see `commitEdit`). */
export function commitJournaledEdit(deps: Deps, commit: Commit): Promise<string> {
  return commitEdit(deps.fs, writeJournal(deps), commit);
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
  const target = await openPost(deps, site, file);
  const parsed = parsePost(target.text);
  if (parsed.kind === 'none') throw new InputError('has no front matter (+++ or --- on the first line); is it a post?', target.display);
  if (parsed.kind === 'unclosed') throw new InputError(`the front matter is not closed: add a line ${parsed.delimiter} after it`, `${target.display}:1:1`);
  if (parsed.kind === 'invalid') {
    throw new InputError(`the front matter is not valid ${parsed.frontMatter.format.toUpperCase()}: ${parsed.failure.message}`, `${target.display}:${parsed.failure.line}:${parsed.failure.column}`);
  }
  return { ...target, site, frontMatter: parsed.frontMatter, picked: postArgument === undefined };
}
