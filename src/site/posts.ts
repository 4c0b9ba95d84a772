import path from 'node:path';
import type { FileSystem } from '../deps.js';

/** Extensions Hugo renders as Markdown. */
export const POST_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn'];

export function isPostFile(file: string): boolean {
  const lower = file.toLowerCase();
  return POST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Every post under the given folders (absolute paths, sorted); hidden folders and node_modules are skipped. */
export async function listPosts(fs: FileSystem, root: string, contentDirs: string[]): Promise<string[]> {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') return;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if ((entry.isFile() || entry.isSymbolicLink()) && isPostFile(entry.name)) found.add(full);
      }),
    );
  };
  for (const dir of contentDirs) await walk(path.join(root, dir));
  return [...found].sort();
}
