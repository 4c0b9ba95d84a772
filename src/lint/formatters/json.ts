import { jsonForTerminal } from '../../io/sanitize.js';
import type { Diagnostic } from '../types.js';
import { counts, type Formatter } from './types.js';

function messageOf(d: Diagnostic, bomLength: number): Record<string, unknown> {
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
  if (d.fix) message.fix = { range: [d.fix.start - bomLength, d.fix.end - bomLength], text: d.fix.text };
  return message;
}

/**
 * ESLint's JSON shape, so editors and CI tools that read ESLint output read this too: the text
 * JSON.stringify would give for the whole array, written a message at a time.
 */
export const json: Formatter = function* (results, context) {
  yield '[';
  for (const [i, result] of results.entries()) {
    const c = counts(result);
    yield `${i ? ',' : ''}{"filePath":${jsonForTerminal(JSON.stringify(result.file))},"messages":[`;
    for (const [j, d] of result.diagnostics.entries())
      yield `${j ? ',' : ''}${jsonForTerminal(JSON.stringify(messageOf(d, result.bomLength)))}`;
    const tail: Record<string, unknown> = {
      errorCount: c.errors,
      fatalErrorCount: result.diagnostics.filter((d) => d.fatal).length,
      warningCount: c.warnings,
      fixableErrorCount: c.fixableErrors,
      fixableWarningCount: c.fixableWarnings,
    };
    if (context.dryRun && result.output !== undefined) tail.output = result.output;
    yield `],${jsonForTerminal(JSON.stringify(tail).slice(1))}`;
  }
  yield ']';
};
