import { jsonForTerminal } from '../../io/sanitize.js';
import path from 'node:path';
import type { Formatter } from './types.js';

/** SARIF 2.1.0, as GitHub code scanning and other tools read it; paths relative to the working folder. */
export const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.id, i]));
  const level = (severity: 'error' | 'warn') => (severity === 'error' ? 'error' : 'warning');
  return jsonForTerminal(JSON.stringify(
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
          results: results.flatMap((result) =>
            result.diagnostics.map((d) => {
              const entry: Record<string, unknown> = {
                level: level(d.severity),
                message: { text: d.message },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: path.relative(context.cwd, result.file).split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
                      region: { startLine: d.place.line, startColumn: d.place.column, endLine: d.place.endLine, endColumn: d.place.endColumn },
                    },
                  },
                ],
              };
              if (d.ruleId) {
                entry.ruleId = d.ruleId;
                const index = ruleIndex.get(d.ruleId);
                if (index !== undefined) entry.ruleIndex = index;
              }
              return entry;
            }),
          ),
        },
      ],
    },
    null,
    2,
  ));
};

function pathToUri(folder: string): string {
  return `file://${folder.split(path.sep).map(encodeURIComponent).join('/')}`.replace(/\/$/, '');
}
