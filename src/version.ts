import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './paths.js';

let version: string | undefined;

/** The package version, read when first asked: most commands never need it. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }).version;
  return version;
}
