import { displayPath } from '../../commands/shared.js';
import { plainColors } from '../../io/colors.js';
import { sanitize } from '../../io/sanitize.js';
import { counts, type Formatter } from './types.js';

function plural(word: string, count: number): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** ESLint's stylish report: a block per file, `line:col  severity  message  rule`, then a summary. */
export const stylish: Formatter = function* (results, context) {
  const c = context.colors ?? plainColors;
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const n = counts(result);
    errors += n.errors;
    warnings += n.warnings;
    fixableErrors += n.fixableErrors;
    fixableWarnings += n.fixableWarnings;
    // A loop, not Math.max(...rows): a post with a million findings has more than the stack takes as arguments.
    let whereWidth = 0;
    let severityWidth = 0;
    for (const d of result.diagnostics) {
      whereWidth = Math.max(whereWidth, `${d.place.line}:${d.place.column}`.length);
      severityWidth = Math.max(severityWidth, d.severity === 'error' ? 5 : 7);
    }
    yield `\n${c.underline(sanitize(displayPath(context.cwd, result.file)))}\n`;
    for (const d of result.diagnostics) {
      const severity = d.severity === 'error' ? 'error' : 'warning';
      const colored = severity === 'error' ? c.red(severity.padEnd(severityWidth)) : c.yellow(severity.padEnd(severityWidth));
      const message = sanitize(d.message.replace(/[.\s]+$/, ''));
      yield `  ${c.dim(`${d.place.line}:${d.place.column}`.padEnd(whereWidth))}  ${colored}  ${message}  ${c.dim(d.ruleId ?? '')}`.trimEnd() + '\n';
    }
  }
  const total = errors + warnings;
  if (total === 0) return;
  const summary = `\u2716 ${plural('problem', total)} (${plural('error', errors)}, ${plural('warning', warnings)})`;
  yield `\n${errors ? c.boldRed(summary) : c.boldYellow(summary)}\n`;
  if (fixableErrors || fixableWarnings) {
    const fixable = `  ${plural('error', fixableErrors)} and ${plural('warning', fixableWarnings)} potentially fixable with the \`--fix\` option.`;
    yield `${errors ? c.boldRed(fixable) : c.boldYellow(fixable)}\n`;
  }
  yield '\n';
};
