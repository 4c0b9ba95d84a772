import path from 'node:path';
import type { FileSystem } from '../deps.js';
import { ConfigError } from '../errors.js';
import { exists } from '../io/exists.js';
import type { Messages } from '../i18n/messages.js';
import { type DataFormat, formatOf, locateKey, parseConfigText } from './parse.js';

/** What meetup-note needs from a Hugo (or Zola) config, with Hugo's case-insensitive keys folded. */
export interface HugoSettings {
  file: string;
  baseURL?: string;
  contentDir?: string;
  contentDirs: string[];
  staticDirs?: string[];
  themeStaticDirs: string[];
  /** The themes' folders, relative to the root (`themes/PaperMod`). */
  themeDirs: string[];
  disablePathToLower: boolean;
  taxonomyKeys?: string[];
  timeZone?: string;
  languageCode?: string;
  /** Where a key (folded path, e.g. ['languages', 'ja', 'contentdir']) is set: `config/_default/languages.toml:3:3`. */
  locate(keyPath: string[]): string;
  /** The key path each content folder comes from, for messages about it. */
  contentDirKeys: Record<string, string[]>;
}

/** A config file read for the merged config: the keys it sets sit under `prefix` (`languages` for languages.toml). */
interface ConfigPart {
  file: string;
  text: string;
  format: DataFormat;
  prefix: string[];
  data: Data;
}

export const HUGO_CONFIG_FILES = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];
const CONFIG_DIR = path.join('config', '_default');

type Data = Record<string, unknown>;

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Hugo's config keys are case-insensitive: fold them all to lower case. */
function foldKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(foldKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), foldKeys(v)]));
}

function merge(target: Data, source: Data): Data {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = isObject(existing) && isObject(value) ? merge({ ...existing }, value) : value;
  }
  return target;
}

async function readPart(fs: FileSystem, root: string, file: string, prefix: string[]): Promise<ConfigPart> {
  const format = formatOf(file)!;
  const text = await fs.readFile(path.join(root, file), 'utf8');
  const shown = file.split(path.sep).join('/');
  const data = parseConfigText(format, text, shown);
  return { file: shown, text, format, prefix, data: isObject(data) ? (foldKeys(data) as Data) : {} };
}

function has(data: Data, keyPath: string[]): boolean {
  let value: unknown = data;
  for (const key of keyPath) {
    if (!isObject(value) || !(key in value)) return false;
    value = value[key];
  }
  return true;
}

/** The file (and line, found only now: it costs a parse) that sets a key last, as the merge saw it. */
function locator(parts: ConfigPart[]): (keyPath: string[]) => string {
  return (keyPath) => {
    for (const part of [...parts].reverse()) {
      const own =
        keyPath.slice(0, part.prefix.length).join('.') === part.prefix.join('.')
          ? keyPath.slice(part.prefix.length)
          : undefined;
      if (!own || !has(part.data, own)) continue;
      const at = locateKey(part.format, part.text, own);
      return at ? `${part.file}:${at.line}:${at.column}` : part.file;
    }
    return parts[0]?.file ?? '';
  };
}

/** Hugo's keys as its docs spell them, for messages (keys are folded to lower case to read them). */
const KEY_NAMES: Record<string, string> = {
  contentdir: 'contentDir',
  staticdir: 'staticDir',
  themesdir: 'themesDir',
  baseurl: 'baseURL',
  timezone: 'timeZone',
  languagecode: 'languageCode',
  defaultcontentlanguage: 'defaultContentLanguage',
};

function keyName(keyPath: string[]): string {
  return keyPath.map((key) => KEY_NAMES[key] ?? key).join('.');
}

/** A value Hugo reads as a string: numbers become their text (Hugo's cast.ToString); a list or table is an error. */
function stringAt(
  data: Data,
  keyPath: string[],
  locate: (keyPath: string[]) => string,
  what: keyof Messages['config']['kinds'],
): string | undefined {
  let value: unknown = data;
  for (const key of keyPath) value = isObject(value) ? value[key] : undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value.trim() ? value : undefined;
  const actual = (m: Messages) =>
    Array.isArray(value) ? m.config.aList : typeof value === 'object' ? m.config.aTable : String(value);
  throw new ConfigError((m) => m.config.hugoMustBe(keyName(keyPath), m.config.kinds[what], actual(m)), locate(keyPath));
}

/** The names in a folder (empty when it cannot be read): one listing instead of a stat per candidate. */
export async function namesIn(fs: FileSystem, dir: string): Promise<Set<string>> {
  try {
    return new Set(await fs.readdir(dir));
  } catch {
    return new Set();
  }
}

/** The first root config file of a Hugo site among a folder's names, or the config dir, or undefined. */
export async function findHugoConfig(fs: FileSystem, dir: string, names?: Set<string>): Promise<string | undefined> {
  const here = names ?? (await namesIn(fs, dir));
  const file = HUGO_CONFIG_FILES.find((name) => here.has(name));
  if (file) return file;
  if (here.has('config') && (await exists(fs, path.join(dir, CONFIG_DIR), true))) return CONFIG_DIR;
  return undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function stringsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.trim() ? [value] : undefined;
  if (Array.isArray(value)) {
    const strings = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return strings.length ? strings : undefined;
  }
  return undefined;
}

function taxonomyKeysOf(data: Data): string[] | undefined {
  const taxonomies = data.taxonomies;
  // Hugo: { tag = "tags" }; Zola: [{ name = "tags" }].
  if (isObject(taxonomies))
    return Object.values(taxonomies).filter((v): v is string => typeof v === 'string' && v !== '');
  if (Array.isArray(taxonomies))
    return taxonomies.map((t) => (isObject(t) ? stringOf(t.name) : undefined)).filter((v): v is string => Boolean(v));
  return undefined;
}

/** Reads the Hugo config of the site at root (root file and `config/_default/`), or undefined if none. */
export async function readHugoSettings(
  fs: FileSystem,
  root: string,
  names?: Set<string>,
): Promise<HugoSettings | undefined> {
  const found = await findHugoConfig(fs, root, names);
  if (!found) return undefined;
  const parts: ConfigPart[] = [];
  let file = found;
  if (found !== CONFIG_DIR) parts.push(await readPart(fs, root, found, []));
  if (
    found === CONFIG_DIR ||
    ((names ?? (await namesIn(fs, root))).has('config') && (await exists(fs, path.join(root, CONFIG_DIR), true)))
  ) {
    const names = (await fs.readdir(path.join(root, CONFIG_DIR))).sort();
    for (const name of names) {
      const format = formatOf(name);
      if (!format) continue;
      const base = name.slice(0, name.lastIndexOf('.')).toLowerCase();
      if (base.includes('.')) continue; // per-language files such as menus.ja.toml
      const own = base === 'hugo' || base === 'config';
      parts.push(await readPart(fs, root, path.join(CONFIG_DIR, name), own ? [] : [base]));
      if (own && found === CONFIG_DIR) file = path.join(CONFIG_DIR, name);
    }
  }
  const data: Data = {};
  for (const part of parts) merge(data, part.prefix.length ? { [part.prefix[0]!]: part.data } : part.data);
  const locate = locator(parts);
  const folder = 'folder';
  const contentDir = stringAt(data, ['contentdir'], locate, folder);
  const contentDirKeys: Record<string, string[]> = {};
  if (contentDir) contentDirKeys[contentDir] = ['contentdir'];
  const languageDirs: string[] = [];
  if (isObject(data.languages)) {
    for (const [language, settings] of Object.entries(data.languages)) {
      const dir = isObject(settings)
        ? stringAt(data, ['languages', language, 'contentdir'], locate, folder)
        : undefined;
      if (dir) {
        languageDirs.push(dir);
        contentDirKeys[dir] ??= ['languages', language, 'contentdir'];
      }
    }
  }
  const themesDir = stringAt(data, ['themesdir'], locate, folder) ?? 'themes';
  const themes = stringsOf(data.theme) ?? [];
  const defaultLanguage = stringAt(data, ['defaultcontentlanguage'], locate, 'language');
  const defaultLanguageDir =
    defaultLanguage && isObject(data.languages) && isObject(data.languages[defaultLanguage.toLowerCase()])
      ? stringAt(data, ['languages', defaultLanguage.toLowerCase(), 'contentdir'], locate, folder)
      : undefined;
  const staticDir = data.staticdir;
  if (staticDir !== undefined && staticDir !== null && typeof staticDir !== 'string' && !Array.isArray(staticDir)) {
    throw new ConfigError((m) => m.config.staticDir, locate(['staticdir']));
  }
  const settings: HugoSettings = {
    file: file.split(path.sep).join('/'),
    contentDir: contentDir ?? defaultLanguageDir,
    contentDirs: [...new Set([contentDir ?? defaultLanguageDir ?? 'content', ...languageDirs])],
    staticDirs: stringsOf(staticDir),
    themeStaticDirs: themes.map((theme) => `${themesDir}/${theme}/static`),
    themeDirs: themes.map((theme) => `${themesDir}/${theme}`),
    disablePathToLower: data.disablepathtolower === true,
    taxonomyKeys: taxonomyKeysOf(data),
    locate,
    contentDirKeys,
  };
  const optional = {
    baseURL: stringAt(data, ['baseurl'], locate, 'url') ?? stringOf(data.base_url),
    timeZone: stringAt(data, ['timezone'], locate, 'zone'),
    languageCode:
      stringAt(data, ['languagecode'], locate, 'language') ?? defaultLanguage ?? stringOf(data.default_language),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (settings as unknown as Record<string, string>)[key] = value;
  return settings;
}

/** Where Hugo looks for an image render hook, under the site and under each theme. */
const RENDER_HOOKS = ['layouts/_default/_markup/render-image.html', 'layouts/_markup/render-image.html'];

/** True when the site or one of its themes has an image render hook (a few stats, only where the folders exist). */
export async function hasImageRenderHook(fs: FileSystem, root: string, themeDirs: string[]): Promise<boolean> {
  for (const dir of ['.', ...themeDirs]) {
    for (const hook of RENDER_HOOKS) if (await exists(fs, path.join(root, dir, hook), true)) return true;
  }
  return false;
}
