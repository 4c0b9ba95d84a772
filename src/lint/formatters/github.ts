import { displayPath } from '../../io/paths.js';
import { sanitize } from '../../io/sanitize.js';
import type { Formatter } from './types.js';

/** Escapes as GitHub's workflow commands expect: data escapes %, CR and LF; properties also : and ,. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: `::error file=...,line=...::message`, one per finding. */
export const github: Formatter = function* (results, context) {
  for (const result of results) {
    const file = escapeProperty(sanitize(displayPath(context.cwd, result.file)));
    for (const d of result.diagnostics) {
      const properties = [
        `file=${file}`,
        `line=${d.place.line}`,
        `col=${d.place.column}`,
        `endLine=${d.place.endLine}`,
        `endColumn=${d.place.endColumn}`,
        `title=${escapeProperty(d.ruleId ? `meetup-note ${d.ruleId}` : 'meetup-note')}`,
      ];
      yield `::${d.severity === 'error' ? 'error' : 'warning'} ` +
        `${properties.join(',')}::${escapeData(sanitize(d.message))}\n`;
    }
  }
};
