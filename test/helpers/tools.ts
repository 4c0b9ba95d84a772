import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether a program is on PATH. CI installs Hugo, pre-commit and tmux (.ci/run), so there a missing one fails the test
 * instead of skipping it.
 */
export function hasProgram(name: string, versionArgs = ['version']): boolean {
  try {
    execFileSync(name, versionArgs, { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error(`${name} is not installed; .ci/run installs it`);
    return false;
  }
}

/** Decodes the HTML entities Hugo writes in text. */
export function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Builds a site with the real Hugo (drafts included) and returns the output folder. */
export function buildSite(dir: string): string {
  const out = path.join(dir, 'public');
  execFileSync('hugo', ['--source', dir, '--destination', out, '--buildDrafts', '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return out;
}

/** The HTML Hugo built for a page, found by the end of its path in the output (`denago_3/index.html`). */
export function builtPage(out: string, ending: string): string {
  const page = readdirSync(out, { recursive: true })
    .map(String)
    .find((file) => file.endsWith(ending));
  if (!page) throw new Error(`Hugo built no ${ending}`);
  return readFileSync(path.join(out, page), 'utf8');
}

/** Writes a GPS position (Tokyo station) into a photo with exiftool, as a phone would have. */
export function addGps(file: string, extra: string[] = []): void {
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-GPSLatitude=35.6812',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=139.7671',
    '-GPSLongitudeRef=E',
    ...extra,
    file,
  ]);
}
