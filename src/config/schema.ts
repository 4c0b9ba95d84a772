import { ConfigError } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
import { locateToml } from '../toml/locate.js';

/** The shape of meetup-note.toml. Keys match case-insensitively, as Hugo's do. */
type Rule =
  | { type: 'string'; oneOf?: readonly string[] }
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'strings' }
  | { type: 'anyTable' }
  | { type: 'mapOf'; value: Rule }
  | { type: 'table'; keys: Record<string, Rule> };

const string: Rule = { type: 'string' };
const strings: Rule = { type: 'strings' };

export const SCHEMA: Rule = {
  type: 'table',
  keys: {
    contentDir: string,
    staticDir: string,
    baseURL: string,
    language: { type: 'string', oneOf: ['ja', 'en'] },
    timezone: string,
    author: string,
    new: {
      type: 'table',
      keys: {
        postPath: string,
        imageDir: string,
        draft: { type: 'boolean' },
        categories: strings,
        tags: strings,
        frontMatter: { type: 'anyTable' },
      },
    },
    session: { type: 'table', keys: { endMarker: string, endHeadings: strings } },
    taxonomies: { type: 'mapOf', value: strings },
    aliases: { type: 'mapOf', value: string },
    images: {
      type: 'table',
      keys: {
        maxWidth: { type: 'integer', min: 16, max: 16384 },
        format: { type: 'string', oneOf: ['webp', 'jpeg', 'avif', 'keep'] },
        quality: { type: 'integer', min: 1, max: 100 },
        maxBytes: { type: 'integer', min: 1024, max: 1 << 30 },
      },
    },
    lint: {
      type: 'table',
      keys: {
        rules: { type: 'mapOf', value: { type: 'string', oneOf: ['off', 'warn', 'error'] } },
        requiredFields: strings,
        imageKeys: strings,
      },
    },
  },
};

export interface Problem {
  path: string[];
  message: (m: Messages) => string;
}

function typeName(value: unknown, m: Messages): string {
  if (Array.isArray(value)) return m.config.anArray;
  if (value instanceof Date) return m.config.aDate;
  if (value === null) return 'null';
  if (typeof value === 'object') return m.config.aTable;
  if (typeof value === 'string') return m.config.aString;
  if (typeof value === 'number') return m.config.aNumber;
  return String(value);
}

function expected(rule: Rule, m: Messages): string {
  switch (rule.type) {
    case 'string':
      return rule.oneOf ? m.config.oneOf(rule.oneOf.map((v) => `"${v}"`).join(', ')) : m.config.aString;
    case 'boolean':
      return m.config.trueOrFalse;
    case 'integer':
      return m.config.integer(rule.min, rule.max);
    case 'strings':
      return m.config.strings;
    default:
      return m.config.aTable;
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Returns the data with keys renamed to the schema's spelling, and the problems found. */
export function validate(value: unknown, rule: Rule, path: string[], problems: Problem[]): unknown {
  const shown = path.join('.');
  const fail = (actual = (m: Messages) => typeName(value, m)): undefined => {
    problems.push({ path, message: (m) => m.config.schemaMustBe(shown, expected(rule, m), actual(m)) });
    return undefined;
  };
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') return fail();
      if (rule.oneOf && !rule.oneOf.includes(value)) return fail(() => `"${value}"`);
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : fail();
    case 'integer':
      return Number.isInteger(value) && (value as number) >= rule.min && (value as number) <= rule.max
        ? value
        : fail(typeof value === 'number' ? () => String(value) : undefined);
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fail();
    case 'anyTable':
      return isTable(value) ? value : fail();
    case 'mapOf': {
      if (!isTable(value)) return fail();
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, validate(v, rule.value, [...path, k], problems)]),
      );
    }
    case 'table': {
      if (!isTable(value)) return fail();
      const out: Record<string, unknown> = {};
      const known = Object.keys(rule.keys);
      for (const [key, child] of Object.entries(value)) {
        const name = known.find((k) => k === key) ?? known.find((k) => k.toLowerCase() === key.toLowerCase());
        if (!name) {
          const unknown = [...path, key].join('.');
          problems.push({ path: [...path, key], message: (m) => m.config.schemaUnknownKey(unknown, known.join(', ')) });
          continue;
        }
        out[name] = validate(child, rule.keys[name]!, [...path, key], problems);
      }
      return out;
    }
  }
}

/** Validates parsed meetup-note.toml; throws one ConfigError listing every problem with its line. */
export function validateConfig(data: unknown, text: string, displayPath: string): Record<string, unknown> {
  const problems: Problem[] = [];
  const result = validate(data, SCHEMA, [], problems) as Record<string, unknown>;
  if (problems.length === 0) return result;
  const entries = locateToml(text);
  const lines = problems.map((problem) => {
    const joined = problem.path.join('.');
    const entry =
      entries.find((e) => e.path.join('.') === joined) ??
      entries.find((e) => e.path.join('.').startsWith(`${joined}.`));
    const where = entry ? `${displayPath}:${entry.line}:${entry.column}` : displayPath;
    return (m: Messages) => `${where}: ${problem.message(m)}`;
  });
  throw new ConfigError((m) => lines.map((line) => line(m)).join('\n'));
}
