import { ConfigError } from '../errors.js';
import { lineBreakOf } from '../post/text.js';
import { locateToml } from '../toml/locate.js';
import { tomlKey, tomlString } from '../toml/write.js';

/**
 * meetup-note.toml with `from = "to"` under [aliases]: the value replaced if the key is there, else a
 * line added at the end of the table, else the table added at the end of the file. Every other byte
 * (comments, spacing, line breaks) stays. `text` undefined: the file does not exist yet.
 */
export function withAlias(text: string | undefined, from: string, to: string, display: string): string {
  const line = `${tomlKey(from)} = ${tomlString(to)}`;
  if (text === undefined || text.trim() === '') return `${text ?? ''}[aliases]\n${line}\n`;
  const eol = lineBreakOf(text);
  const entries = locateToml(text);
  const lower = (path: string[]) => path.map((p) => p.toLowerCase());
  const inline = entries.find(
    (e) =>
      !e.header &&
      lower(e.path)[0] === 'aliases' &&
      e.path.length <= 2 &&
      !entries.some((h) => h.header && lower(h.path).join('.') === 'aliases'),
  );
  if (inline) throw new ConfigError((m) => m.config.aliasesInline, `${display}:${inline.line}:${inline.column}`);
  const headerIndex = entries.findIndex((e) => e.header && lower(e.path).join('.') === 'aliases');
  if (headerIndex === -1) {
    const ending = text.endsWith('\n') ? '' : eol;
    return `${text}${ending}${eol}[aliases]${eol}${line}${eol}`;
  }
  const header = entries[headerIndex]!;
  const next = entries.findIndex((e, i) => i > headerIndex && e.header);
  const own = entries.slice(headerIndex + 1, next === -1 ? undefined : next);
  const existing = own.find((e) => e.path[1] === from);
  if (existing) return text.slice(0, existing.value.start) + tomlString(to) + text.slice(existing.value.end);
  // After the table's last key (or its header), at the end of that line.
  const after = own.at(-1)?.value.end ?? header.value.end;
  const lineEnd = text.indexOf('\n', after);
  if (lineEnd === -1) return `${text}${eol}${line}`;
  return `${text.slice(0, lineEnd + 1)}${line}${eol}${text.slice(lineEnd + 1)}`;
}
