import path from 'node:path';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { isPostFile, listPosts } from '../site/posts.js';

const GLOB = /[*?[\]{}]/;

function insideContent(site: SiteConfig, file: string): boolean {
  return site.contentDirs.some((dir) => {
    const relative = path.relative(path.join(site.root, dir), file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  });
}

/**
 * The posts named by files, folders and globs. What is not a post of this site (another extension, a
 * file outside the content folders: pre-commit passes every staged file) is skipped without a word; a
 * name that matches nothing at all is a usage error.
 */
export async function expandTargets(deps: Deps, site: SiteConfig, base: string, patterns: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const absolute = path.resolve(base, pattern);
    const stat = await deps.fs.stat(absolute).catch(() => undefined);
    let matched: string[];
    if (stat?.isDirectory()) matched = await listPosts(deps.fs, absolute, ['.']);
    else if (stat) matched = [absolute];
    else if (GLOB.test(pattern)) {
      const { glob } = await import('tinyglobby');
      matched = (await glob(pattern, { cwd: base, absolute: true, dot: false, onlyFiles: true })).map((file) =>
        path.resolve(file),
      );
      if (matched.length === 0) throw new UsageError((m) => m.input.noFiles(pattern));
    } else throw new UsageError((m) => m.input.noSuchPath(pattern));
    for (const file of matched) if (isPostFile(file) && insideContent(site, file)) found.add(file);
  }
  return [...found].sort();
}
