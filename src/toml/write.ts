/**
 * Writes front matter the way Hugo users write it by hand. @iarna/toml's stringify is not used: it
 * writes dates in UTC with milliseconds and multi-line strings in which a `+++` line would end the
 * front matter early.
 */

/** A TOML offset date-time kept as written, e.g. `2019-11-01T19:00:00+09:00`. */
export class OffsetDateTime {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type TomlValue = string | number | boolean | Date | OffsetDateTime | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};

/** A basic string on one line: every control character escaped, everything else (Japanese, emoji) as is. */
export function tomlString(value: string): string {
  const escapeChar = (c: string) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  return `"${value.replace(/["\\\u0000-\u001f\u007f]/g, escapeChar)}"`;
}

export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

function isTable(value: TomlValue): value is TomlTable {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof OffsetDateTime)
  );
}

function isArrayOfTables(value: TomlValue): value is TomlTable[] {
  return Array.isArray(value) && value.length > 0 && value.every(isTable);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function inlineValue(value: TomlValue): string {
  if (typeof value === 'string') return tomlString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (value instanceof OffsetDateTime) return value.text;
  if (value instanceof Date) {
    const ms = value.getUTCMilliseconds();
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    return `${day}T${time}${ms ? `.${pad(ms, 3)}` : ''}Z`;
  }
  if (Array.isArray(value)) return `[${value.map(inlineValue).join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${tomlKey(k)} = ${inlineValue(v)}`)
    .join(', ')} }`;
}

/**
 * Scalars and inline arrays first, then `[table]` and `[[array]]` blocks with two-space indented
 * keys, as in hand-written Hugo front matter. Lines end with `\n`.
 */
export function stringifyToml(table: TomlTable, path: string[] = []): string {
  const lines: string[] = [];
  const indent = path.length ? '  ' : '';
  const nested: [string, TomlTable | TomlTable[]][] = [];
  for (const [key, value] of Object.entries(table)) {
    if (isTable(value) || isArrayOfTables(value)) nested.push([key, value]);
    else lines.push(`${indent}${tomlKey(key)} = ${inlineValue(value)}`);
  }
  let out = lines.map((line) => `${line}\n`).join('');
  for (const [key, value] of nested) {
    const childPath = [...path, key];
    const header = childPath.map(tomlKey).join('.');
    if (Array.isArray(value)) {
      for (const item of value) out += `[[${header}]]\n${stringifyToml(item, childPath)}`;
    } else {
      out += `[${header}]\n${stringifyToml(value, childPath)}`;
    }
  }
  return out;
}
