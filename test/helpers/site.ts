import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const EXAMPLE_SITE = path.join(REPO, 'examples', 'site');

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An empty temp folder, removed after the test. */
export function tempDir(prefix = 'meetup-note-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of a fixture folder (a name under test/fixtures, or 'example' for examples/site) in a temp folder. */
export function copySite(name: string): string {
  const dir = tempDir();
  const source = name === 'example' ? EXAMPLE_SITE : path.join(FIXTURES, name);
  cpSync(source, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** Every file under dir with its bytes (as hex for short binary-safe comparison), to prove nothing changed. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (statSync(full).isDirectory()) {
        out[`${rel}/`] = '';
        walk(full);
      } else {
        out[rel] = readFileSync(full).toString('base64');
      }
    }
  };
  walk(dir);
  return out;
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}
