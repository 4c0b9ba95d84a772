import path from 'node:path';
import type { FileSystem } from '../deps.js';

/** Extensions Hugo renders as Markdown. */
export const POST_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn'];

export function isPostFile(file: string): boolean {
  const lower = file.toLowerCase();
  return POST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Every post under the given folders (absolute paths, sorted); hidden folders and node_modules are
 * skipped. `onListing` sees each folder's names, so lint can reuse them instead of reading the folders again.
 */
export async function listPosts(
  fs: FileSystem,
  root: string,
  contentDirs: string[],
  onListing?: (dir: string, names: string[]) => void,
): Promise<string[]> {
  const found = new Set<string>();
  // A queue, not recursion with Promise.all: a 10,000-post site has thousands of folders.
  const queue = contentDirs.map((dir) => path.join(root, dir).replace(/[\\/]$/, ''));
  for (let dir = queue.pop(); dir !== undefined; dir = queue.pop()) {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    onListing?.(
      dir,
      entries.map((entry) => entry.name),
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = `${dir}${path.sep}${entry.name}`;
      if (entry.isDirectory()) queue.push(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isPostFile(entry.name)) found.add(full);
    }
  }
  return [...found].sort();
}
