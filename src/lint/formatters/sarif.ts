import path from 'node:path';
import { jsonForTerminal } from '../../io/sanitize.js';
import type { Formatter } from './types.js';

// What JSON.stringify writes for the one result the envelope is laid out with (a NUL no message has).
const PLACEHOLDER = JSON.stringify('\u0000results');

/**
 * SARIF 2.1.0, as GitHub code scanning and other tools read it; paths relative to the working folder.
 * The envelope is laid out once, then the results are written one at a time at its place, with
 * the indentation JSON.stringify(…, null, 2) gives them.
 */
export const sarif: Formatter = function* (results, context) {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.id, i]));
  const level = (severity: 'error' | 'warn') => (severity === 'error' ? 'error' : 'warning');
  const envelope = JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'meetup-note',
              version: context.version,
              rules: context.rules.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description },
                defaultConfiguration: { level: level(rule.severity) },
              })),
            },
          },
          originalUriBaseIds: { SRCROOT: { uri: `${pathToUri(context.cwd)}/` } },
          results: ['\u0000results'],
        },
      ],
    },
    null,
    2,
  );
  const at = envelope.indexOf(PLACEHOLDER);
  const lineStart = envelope.lastIndexOf('\n', at) + 1;
  const indent = envelope.slice(lineStart, at);
  let first = true;
  for (const result of results) {
    const uri = path.relative(context.cwd, result.file).split(path.sep).map(encodeURIComponent).join('/');
    for (const d of result.diagnostics) {
      const entry: Record<string, unknown> = {
        level: level(d.severity),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: 'SRCROOT' },
              region: {
                startLine: d.place.line,
                startColumn: d.place.column,
                endLine: d.place.endLine,
                endColumn: d.place.endColumn,
              },
            },
          },
        ],
      };
      if (d.ruleId) {
        entry.ruleId = d.ruleId;
        const index = ruleIndex.get(d.ruleId);
        if (index !== undefined) entry.ruleIndex = index;
      }
      const text = JSON.stringify(entry, null, 2).replace(/\n/g, `\n${indent}`);
      yield jsonForTerminal(first ? `${envelope.slice(0, at)}${text}` : `,\n${indent}${text}`);
      first = false;
    }
  }
  // No results: `"results": []`, as JSON.stringify writes an empty array.
  yield first
    ? `${envelope.slice(0, envelope.lastIndexOf('[', at))}[]${envelope.slice(envelope.indexOf(']', at) + 1)}`
    : envelope.slice(at + PLACEHOLDER.length);
};

function pathToUri(folder: string): string {
  return `file://${folder.split(path.sep).map(encodeURIComponent).join('/')}`.replace(/\/$/, '');
}
