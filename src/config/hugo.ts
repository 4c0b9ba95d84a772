import path from 'node:path';
import type { FileSystem } from '../deps.js';
import { formatOf, parseConfigText } from './parse.js';

/** What meetup-note needs from a Hugo (or Zola) config, with Hugo's case-insensitive keys folded. */
export interface HugoSettings {
  file: string;
  baseURL?: string;
  contentDir?: string;
  contentDirs: string[];
  staticDirs?: string[];
  themeStaticDirs: string[];
  taxonomyKeys?: string[];
  timeZone?: string;
  languageCode?: string;
}

export const HUGO_CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
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

async function exists(fs: FileSystem, file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

async function readData(fs: FileSystem, root: string, file: string): Promise<Data> {
  const format = formatOf(file)!;
  const text = await fs.readFile(path.join(root, file), 'utf8');
  const data = parseConfigText(format, text, file.split(path.sep).join('/'));
  return isObject(data) ? (foldKeys(data) as Data) : {};
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
  if (here.has('config') && (await exists(fs, path.join(dir, CONFIG_DIR)))) return CONFIG_DIR;
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
  if (isObject(taxonomies)) return Object.values(taxonomies).filter((v): v is string => typeof v === 'string' && v !== '');
  if (Array.isArray(taxonomies)) return taxonomies.map((t) => (isObject(t) ? stringOf(t.name) : undefined)).filter((v): v is string => Boolean(v));
  return undefined;
}

/** Reads the Hugo config of the site at root (root file and `config/_default/`), or undefined if none. */
export async function readHugoSettings(fs: FileSystem, root: string, names?: Set<string>): Promise<HugoSettings | undefined> {
  const found = await findHugoConfig(fs, root, names);
  if (!found) return undefined;
  let data: Data = {};
  let file = found;
  if (found !== CONFIG_DIR) data = await readData(fs, root, found);
  if (found === CONFIG_DIR || ((names ?? (await namesIn(fs, root))).has('config') && (await exists(fs, path.join(root, CONFIG_DIR))))) {
    const names = (await fs.readdir(path.join(root, CONFIG_DIR))).sort();
    for (const name of names) {
      const format = formatOf(name);
      if (!format) continue;
      const base = name.slice(0, name.lastIndexOf('.')).toLowerCase();
      if (base.includes('.')) continue; // per-language files such as menus.ja.toml
      const part = await readData(fs, root, path.join(CONFIG_DIR, name));
      if (base === 'hugo' || base === 'config') {
        merge(data, part);
        if (found === CONFIG_DIR) file = path.join(CONFIG_DIR, name);
      } else {
        merge(data, { [base]: part });
      }
    }
  }
  const contentDir = stringOf(data.contentdir);
  const languageDirs: string[] = [];
  if (isObject(data.languages)) {
    for (const language of Object.values(data.languages)) {
      if (isObject(language)) {
        const dir = stringOf(language.contentdir);
        if (dir) languageDirs.push(dir);
      }
    }
  }
  const themesDir = stringOf(data.themesdir) ?? 'themes';
  const themes = stringsOf(data.theme) ?? [];
  const defaultLanguage = stringOf(data.defaultcontentlanguage);
  const defaultLanguageDir = defaultLanguage && isObject(data.languages) && isObject(data.languages[defaultLanguage.toLowerCase()])
    ? stringOf((data.languages[defaultLanguage.toLowerCase()] as Data).contentdir)
    : undefined;
  return {
    file: file.split(path.sep).join('/'),
    baseURL: stringOf(data.baseurl) ?? stringOf(data.base_url),
    contentDir: contentDir ?? defaultLanguageDir,
    contentDirs: [...new Set([contentDir ?? defaultLanguageDir ?? 'content', ...languageDirs])],
    staticDirs: stringsOf(data.staticdir),
    themeStaticDirs: themes.map((theme) => `${themesDir}/${theme}/static`),
    taxonomyKeys: taxonomyKeysOf(data),
    timeZone: stringOf(data.timezone),
    languageCode: stringOf(data.languagecode) ?? defaultLanguage ?? stringOf(data.default_language),
  };
}
