import { lineColumnAt } from '../text/positions.js';
import { createRequire } from 'node:module';
import { ConfigError } from '../errors.js';
import { locateToml as locateTomlEntries } from '../toml/locate.js';
import { relaxQuotedScalars } from './yaml-relax.js';

const require = createRequire(import.meta.url);

export type DataFormat = 'toml' | 'yaml' | 'json';

export interface ParseFailure {
  message: string;
  line: number;
  column: number;
}

type TomlParse = (text: string) => Record<string, unknown>;
let tomlParse: TomlParse | undefined;

/** Only the parser, not @iarna/toml's stringify and stream modules: start-up matters on every commit. */
function loadTomlParser(): TomlParse {
  tomlParse ??= require('@iarna/toml/parse-string.js') as TomlParse;
  return tomlParse;
}

function tomlFailure(error: unknown): ParseFailure {
  const e = error as { message?: string; line?: number; col?: number };
  const first = String(e.message ?? error)
    .split('\n')[0]!
    .replace(/ at row \d+, col \d+, pos \d+:?$/, '');
  return { message: first, line: (e.line ?? 0) + 1, column: (e.col ?? 0) + 1 };
}

export function parseTomlOrFailure(text: string): { data: Record<string, unknown> } | { failure: ParseFailure } {
  try {
    // @iarna/toml rejects the CR of a CRLF line that ends in a comment; TOML allows CRLF everywhere.
    return { data: loadTomlParser()(text.replace(/\r\n/g, '\n')) };
  } catch (error) {
    return { failure: tomlFailure(error) };
  }
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

export function loadYaml(): YamlModule {
  yamlModule ??= require('yaml') as YamlModule;
  return yamlModule;
}

type YamlDocument = ReturnType<YamlModule['parseDocument']>;

/**
 * Parses YAML as Hugo reads it: YAML 1.2 without custom tags (dates stay strings, as Hugo's own
 * parser sees them), and, as go-yaml does, quoted scalars whose continuation lines are not indented
 * (see yaml-relax.ts). `toOriginal` maps the document's offsets back to `text`.
 */
export function parseYamlDocument(text: string): { doc: YamlDocument; toOriginal: (offset: number) => number } {
  const YAML = loadYaml();
  const options = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false } as const;
  const doc = YAML.parseDocument(text, options);
  if (doc.errors.length && doc.errors.some((e) => e.code === 'MISSING_CHAR')) {
    const relaxed = relaxQuotedScalars(text);
    const again = relaxed && YAML.parseDocument(relaxed.text, options);
    if (relaxed && again && again.errors.length === 0) return { doc: again, toOriginal: relaxed.toOriginal };
  }
  return { doc, toOriginal: (offset) => offset };
}

/** The yaml package's message, first line; its own stack running out on deep nesting is said as such. */
export function yamlMessage(message: string): string {
  return /call stack/i.test(message) ? TOO_DEEP : message.split('\n')[0]!;
}

export function parseYamlOrFailure(text: string): { data: unknown } | { failure: ParseFailure } {
  const { doc } = parseYamlDocument(text);
  const error = doc.errors[0];
  if (error) return { failure: { message: yamlMessage(error.message), ...lineColumnAt(text, error.pos[0]) } };
  return { data: doc.toJS({ maxAliasCount: 100 }) };
}

export function parseJsonOrFailure(text: string): { data: unknown } | { failure: ParseFailure } {
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    return {
      failure: {
        message: message.replace(/ in JSON at position \d+.*$/, ''),
        ...lineColumnAt(text, match ? Number(match[1]) : 0),
      },
    };
  }
}

/** Deeper than this, data is refused: what reads it afterwards (our locator, key folding) recurses. */
export const MAX_DEPTH = 100;

/** True when lists and tables nest deeper than `limit`; walks with its own stack, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null || current instanceof Date) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

export const TOO_DEEP = `nests lists or tables more than ${MAX_DEPTH} levels deep`;

export function parseData(format: DataFormat, text: string): { data: unknown } | { failure: ParseFailure } {
  const result =
    format === 'toml'
      ? parseTomlOrFailure(text)
      : format === 'yaml'
        ? parseYamlOrFailure(text)
        : parseJsonOrFailure(text);
  if ('data' in result && nestsDeeperThan(result.data)) return { failure: { message: TOO_DEEP, line: 1, column: 1 } };
  return result;
}

/** Parses a config file or throws a ConfigError at the parser's line and column. */
export function parseConfigText(format: DataFormat, text: string, displayPath: string): unknown {
  const result = parseData(format, text.replace(/^\uFEFF/, ''));
  if ('failure' in result) {
    const { failure } = result;
    throw new ConfigError((m) => m.config.syntax(failure.message), `${displayPath}:${failure.line}:${failure.column}`);
  }
  return result.data;
}

export function formatOf(file: string): DataFormat | undefined {
  if (file.endsWith('.toml')) return 'toml';
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return 'yaml';
  if (file.endsWith('.json')) return 'json';
  return undefined;
}

/** Where a key is written in a config file (keys compared case-insensitively, as Hugo's), for messages. */
export function locateKey(
  format: DataFormat,
  text: string,
  keyPath: string[],
): { line: number; column: number } | undefined {
  const wanted = keyPath.map((key) => key.toLowerCase());
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'toml') {
    const entry = locateTomlEntries(body).find(
      (e) => !e.header && e.path.map((key) => key.toLowerCase()).join('\0') === wanted.join('\0'),
    );
    return entry && { line: entry.line, column: entry.column };
  }
  if (format === 'yaml') {
    let node = loadYaml().parseDocument(body).contents as unknown;
    let range: number[] | undefined;
    for (const key of wanted) {
      const items = (node as { items?: { key?: { value?: unknown; range?: number[] }; value?: unknown }[] } | null)
        ?.items;
      const pair = items?.find((item) => String(item.key?.value).toLowerCase() === key);
      if (!pair) return undefined;
      range = pair.key?.range;
      node = pair.value;
    }
    return range ? lineColumnAt(body, range[0]!) : undefined;
  }
  const last = wanted.at(-1)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`"${last}"\\s*:`, 'i').exec(body);
  return match ? lineColumnAt(body, match.index) : undefined;
}
