import path from 'node:path';
import type { Deps } from '../deps.js';
import { ConfigError, UsageError } from '../errors.js';
import { type HugoSettings, findHugoConfig, hasImageRenderHook, namesIn, readHugoSettings } from './hugo.js';
import { locateKey, parseConfigText } from './parse.js';
import { validateConfig } from './schema.js';
import type {
  ImageSettings,
  Language,
  LintSettings,
  NewPostSettings,
  SessionSettings,
  Severity,
  SiteConfig,
} from './types.js';

export const CONFIG_FILE = 'meetup-note.toml';

/** No site from the start folder up: lint can still find one from the files it is given. */
export class SiteNotFoundError extends ConfigError {
  constructor(start: string) {
    super((m) => m.cli.siteNotFound(start));
  }
}

// biome-ignore lint/suspicious/noExplicitAny: parsed TOML/YAML of any shape, checked key by key by the schema
type Data = Record<string, any>;

export const DEFAULT_NEW: NewPostSettings = {
  postPath: 'posts/{slug}.md',
  imageDir: 'img/{yyyy}/{mm}/{slug}',
  draft: true,
  categories: [],
  tags: [],
  frontMatter: {},
};

export const DEFAULT_END_HEADINGS: Record<Language, string[]> = {
  ja: ['まとめ', '感想', '懇親会', 'おわりに', '最後に'],
  en: ['Summary', 'Wrap-up', 'Afterparty', 'Conclusion', 'Closing'],
};

export const DEFAULT_END_MARKER = '<!-- meetup-note:end -->';

async function isFile(deps: Deps, file: string): Promise<boolean> {
  try {
    return (await deps.fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

export async function resolveStartDir(deps: Deps, cwdOption: string | undefined): Promise<string> {
  const start = path.resolve(deps.cwd, cwdOption ?? '.');
  try {
    if ((await deps.fs.stat(start)).isDirectory()) return start;
  } catch {
    // reported below
  }
  throw new UsageError((m) => m.cli.noSuchDirectory(String(cwdOption)));
}

export interface SiteRoot {
  root: string;
  configFile?: string;
  /** The names in the root folder, read once while looking. */
  names: Set<string>;
}

/** The nearest folder from start upward with meetup-note.toml or a Hugo config: one listing per folder. */
export async function findSiteRoot(deps: Deps, start: string): Promise<SiteRoot | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const names = await namesIn(deps.fs, dir);
    const configFile = path.join(dir, CONFIG_FILE);
    if (names.has(CONFIG_FILE) && (await isFile(deps, configFile))) return { root: dir, configFile, names };
    if (await findHugoConfig(deps.fs, dir, names)) return { root: dir, names };
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A folder named by the config, relative to the root with `/`; never outside the root. */
export function insideRoot(root: string, dir: string, key: string, source: string): string {
  const absolute = path.resolve(root, dir);
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ConfigError((m) => m.config.outside(key, dir, root), source);
  }
  return relative.split(path.sep).join('/') || '.';
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['slug', 'yyyy', 'mm', 'dd']);

function checkPattern(value: string, key: string, source: string, mustBePost: boolean): void {
  for (const match of value.matchAll(PLACEHOLDER)) {
    if (!KNOWN_PLACEHOLDERS.has(match[1]!)) {
      const name = match[1]!;
      throw new ConfigError((m) => m.config.placeholder(key, value, name), source);
    }
  }
  if (path.isAbsolute(value) || value.split(/[\\/]/).includes('..')) {
    throw new ConfigError((m) => m.config.relative(key, value), source);
  }
  if (mustBePost && !/\.(md|markdown)$/.test(value)) {
    throw new ConfigError((m) => m.config.markdownExtension(key, value), source);
  }
}

function languageOf(config: Data, hugo: HugoSettings | undefined, env: Deps['env']): Language {
  if (config.language) return config.language as Language;
  return hugo?.languageCode ? (hugo.languageCode.toLowerCase().startsWith('ja') ? 'ja' : 'en') : localeLanguage(env);
}

/**
 * The language of the user's locale (LC_ALL, LC_MESSAGES, LANG), for sites that say none and for errors before a site
 * is read.
 */
export function localeLanguage(env: Deps['env']): Language {
  const code = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return code.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function systemTimezone(env: Deps['env']): string {
  if (env.TZ && isValidTimezone(env.TZ)) return env.TZ;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The site's time zone, checked, or the system's when none is configured (TZ, else ICU's guess). */
export function resolveTimezone(site: Pick<SiteConfig, 'timezone' | 'timezoneSource'>, env: Deps['env']): string {
  const zone = site.timezone ?? systemTimezone(env);
  if (!isValidTimezone(zone)) {
    throw new ConfigError((m) => m.config.timezone(zone), site.timezoneSource);
  }
  return zone;
}

/** Reads meetup-note.toml (validated) and the Hugo config of the site that holds the start folder. */
export async function loadSite(deps: Deps, cwdOption?: string): Promise<SiteConfig> {
  const start = await resolveStartDir(deps, cwdOption);
  const found = await findSiteRoot(deps, start);
  if (!found) throw new SiteNotFoundError(start);
  const { root } = found;
  let config: Data = {};
  const display = (file: string) => path.relative(deps.cwd, file) || file;
  let locateConfig: ((keyPath: string[]) => string) | undefined;
  if (found.configFile) {
    const shown = display(found.configFile);
    const text = (await deps.fs.readFile(found.configFile, 'utf8')).replace(/^\uFEFF/, '');
    const data = parseConfigText('toml', text, shown);
    config = validateConfig(data, text, shown);
    locateConfig = (keyPath) => {
      const at = locateKey('toml', text, keyPath);
      return at ? `${shown}:${at.line}:${at.column}` : shown;
    };
  }
  const hugo = await readHugoSettings(deps.fs, root, found.names);
  const source = found.configFile ? display(found.configFile) : hugo ? display(path.join(root, hugo.file)) : root;
  const site = buildSiteConfig({
    root,
    configFile: found.configFile,
    config,
    hugo,
    env: deps.env,
    source,
    locateConfig,
    display,
  });
  site.imageRenderHook = await hasImageRenderHook(deps.fs, root, hugo?.themeDirs ?? []);
  // Hugo stops the build on a time zone it does not know: so does every command, naming where it is set.
  if (site.timezone && !(await isKnownTimezone(deps.fs, site.timezone))) {
    const zone = site.timezone;
    throw new ConfigError((m) => m.config.timezone(zone), site.timezoneSource);
  }
  return site;
}

const ZONE_NAME = /^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/;

const ZONEINFO = '/usr/share/zoneinfo';

/**
 * A time zone Hugo would load. Go's time.LoadLocation reads the system's zoneinfo, by exact name
 * (case matters: "asia/tokyo" fails the build), so where that folder exists a stat answers; only
 * where it does not is ICU asked (20-30 ms, which every commit's lint should not pay).
 */
export async function isKnownTimezone(fs: Deps['fs'], zone: string): Promise<boolean> {
  if (zone === 'UTC' || zone === 'Local') return true;
  if (!ZONE_NAME.test(zone)) return false;
  const stat = await fs.stat(path.join(ZONEINFO, zone)).catch(() => undefined);
  if (stat) return stat.isFile();
  return (await fs.stat(ZONEINFO).catch(() => undefined)) ? false : isValidTimezone(zone);
}

interface BuildInput {
  root: string;
  configFile?: string;
  config: Data;
  hugo?: HugoSettings;
  env: Deps['env'];
  source: string;
  /** Where a key of meetup-note.toml is set (`meetup-note.toml:4:1`). */
  locateConfig?: (keyPath: string[]) => string;
  /** A path of the site as messages show it (relative to the working folder). */
  display?: (file: string) => string;
}

export function buildSiteConfig({
  root,
  configFile,
  config,
  hugo,
  env,
  source,
  locateConfig,
  display = (file) => file,
}: BuildInput): SiteConfig {
  const configAt = (keyPath: string[]) => locateConfig?.(keyPath) ?? source;
  const hugoAt = (keyPath: string[]) => (hugo ? display(path.join(root, hugo.locate(keyPath))) : source);
  const hugoDirAt = (dir: string) => hugoAt(hugo?.contentDirKeys[dir] ?? ['contentdir']);
  const contentDir = insideRoot(
    root,
    config.contentDir ?? hugo?.contentDir ?? 'content',
    'contentDir',
    config.contentDir !== undefined ? configAt(['contentDir']) : hugo?.contentDir ? hugoDirAt(hugo.contentDir) : source,
  );
  const staticDir = insideRoot(
    root,
    config.staticDir ?? hugo?.staticDirs?.[0] ?? 'static',
    'staticDir',
    config.staticDir !== undefined ? configAt(['staticDir']) : hugoAt(['staticdir']),
  );
  const contentDirs = [
    ...new Set([contentDir, ...(hugo?.contentDirs ?? []).map((d) => insideRoot(root, d, 'contentDir', hugoDirAt(d)))]),
  ];
  const staticDirs = [
    ...new Set([
      staticDir,
      ...(hugo?.staticDirs ?? []).map((d) => insideRoot(root, d, 'staticDir', hugoAt(['staticdir']))),
      ...(hugo?.themeStaticDirs ?? []).map((d) => insideRoot(root, d, 'theme', hugoAt(['theme']))),
    ]),
  ];
  const language = languageOf(config, hugo, env);
  const timezone: string | undefined = config.timezone ?? hugo?.timeZone;
  const baseURL = config.baseURL ?? hugo?.baseURL ?? '';
  if (baseURL && baseURL !== '/' && !/^https?:\/\/[^/]/i.test(baseURL)) {
    throw new ConfigError(
      (m) => m.config.baseURL(baseURL),
      config.baseURL ? configAt(['baseURL']) : hugoAt(['baseurl']),
    );
  }
  const configuredNew: Data = config.new ?? {};
  const settings: NewPostSettings = { ...DEFAULT_NEW, ...configuredNew };
  checkPattern(settings.postPath, 'new.postPath', configAt(['new', 'postPath']), true);
  checkPattern(settings.imageDir, 'new.imageDir', configAt(['new', 'imageDir']), false);
  const session: SessionSettings = {
    endMarker: config.session?.endMarker ?? DEFAULT_END_MARKER,
    endHeadings: config.session?.endHeadings ?? DEFAULT_END_HEADINGS[language],
  };
  const lint: LintSettings = {
    rules: (config.lint?.rules ?? {}) as Record<string, Severity>,
    requiredFields: config.lint?.requiredFields ?? ['title', 'date'],
    imageKeys: config.lint?.imageKeys ?? ['images'],
    ruleSources: Object.fromEntries(
      Object.keys(config.lint?.rules ?? {}).map((id) => [id, configAt(['lint', 'rules', id])]),
    ),
  };
  const images: ImageSettings = { maxWidth: 1600, format: 'webp', quality: 80, maxBytes: 1_000_000, ...config.images };
  const result: SiteConfig = {
    root,
    contentDir,
    contentDirs,
    staticDir,
    staticDirs,
    assetsDirs: ['assets', ...(hugo?.themeDirs ?? []).map((dir) => `${dir}/assets`)],
    imageRenderHook: false,
    pathToLower: !hugo?.disablePathToLower,
    baseURL,
    language,
    timezoneSource: config.timezone ? configAt(['timezone']) : hugo ? hugoAt(['timezone']) : source,
    author: config.author ?? '',
    new: settings,
    session,
    taxonomyKeys: hugo?.taxonomyKeys?.length ? hugo.taxonomyKeys : ['categories', 'tags'],
    vocabulary: config.taxonomies ?? {},
    aliases: config.aliases ?? {},
    lint,
    images,
  };
  if (timezone) result.timezone = timezone;
  if (configFile) result.configFile = configFile;
  if (hugo) result.hugoConfigFile = path.join(root, hugo.file);
  return result;
}
