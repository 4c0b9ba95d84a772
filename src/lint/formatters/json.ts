import { jsonForTerminal } from '../../io/sanitize.js';
import { counts, type Formatter } from './types.js';

/** ESLint's JSON shape, so editors and CI tools that read ESLint output read this too. */
export const json: Formatter = (results, context) =>
  jsonForTerminal(JSON.stringify(
    results.map((result) => {
      const c = counts(result);
      const entry: Record<string, unknown> = {
        filePath: result.file,
        messages: result.diagnostics.map((d) => {
          const message: Record<string, unknown> = {
            ruleId: d.ruleId,
            severity: d.severity === 'error' ? 2 : 1,
            message: d.message,
            line: d.place.line,
            column: d.place.column,
            endLine: d.place.endLine,
            endColumn: d.place.endColumn,
          };
          if (d.fatal) message.fatal = true;
          if (d.fix) message.fix = { range: [d.fix.start - result.bomLength, d.fix.end - result.bomLength], text: d.fix.text };
          return message;
        }),
        errorCount: c.errors,
        fatalErrorCount: result.diagnostics.filter((d) => d.fatal).length,
        warningCount: c.warnings,
        fixableErrorCount: c.fixableErrors,
        fixableWarningCount: c.fixableWarnings,
      };
      if (context.dryRun && result.output !== undefined) entry.output = result.output;
      return entry;
    }),
  ));
