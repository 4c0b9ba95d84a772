import { createRequire } from 'node:module';
import { ConfigError } from '../errors.js';

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
  const first = String(e.message ?? error).split('\n')[0]!.replace(/ at row \d+, col \d+, pos \d+:?$/, '');
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

/** 1-based line and column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export function parseYamlOrFailure(text: string): { data: unknown } | { failure: ParseFailure } {
  const YAML = loadYaml();
  // Hugo reads YAML 1.2 without custom tags; dates stay strings, as Hugo's own parser sees them.
  const doc = YAML.parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) return { failure: { message: error.message.split('\n')[0]!, ...lineColumnAt(text, error.pos[0]) } };
  return { data: doc.toJS({ maxAliasCount: 100 }) };
}

export function parseJsonOrFailure(text: string): { data: unknown } | { failure: ParseFailure } {
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    return { failure: { message: message.replace(/ in JSON at position \d+.*$/, ''), ...lineColumnAt(text, match ? Number(match[1]) : 0) } };
  }
}

export function parseData(format: DataFormat, text: string): { data: unknown } | { failure: ParseFailure } {
  if (format === 'toml') return parseTomlOrFailure(text);
  if (format === 'yaml') return parseYamlOrFailure(text);
  return parseJsonOrFailure(text);
}

/** Parses a config file or throws a ConfigError at the parser's line and column. */
export function parseConfigText(format: DataFormat, text: string, displayPath: string): unknown {
  const result = parseData(format, text.replace(/^\uFEFF/, ''));
  if ('failure' in result) {
    const { failure } = result;
    throw new ConfigError(`${failure.message}; fix the syntax of this file`, `${displayPath}:${failure.line}:${failure.column}`);
  }
  return result.data;
}

export function formatOf(file: string): DataFormat | undefined {
  if (file.endsWith('.toml')) return 'toml';
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return 'yaml';
  if (file.endsWith('.json')) return 'json';
  return undefined;
}
