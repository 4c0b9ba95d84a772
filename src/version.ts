import { createRequire } from 'node:module';
import { PACKAGE_ROOT } from './paths.js';

export const VERSION = (createRequire(import.meta.url)(`${PACKAGE_ROOT}package.json`) as { version: string }).version;
