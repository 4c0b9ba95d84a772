import { displayPath } from '../../commands/shared.js';
import type { Colors } from '../../io/colors.js';
import { loadColors } from '../../io/colors.js';
import { sanitize } from '../../io/sanitize.js';
import { counts, type Formatter } from './types.js';

function plural(word: string, count: number): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** ESLint's stylish report: a block per file, `line:col  severity  message  rule`, then a summary. */
export const stylish: Formatter = async (results, context) => {
  const c: Colors = await loadColors(context.color);
  let output = '';
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
    const rows = result.diagnostics.map((d): [string, string, string, string] => [
      `${d.place.line}:${d.place.column}`,
      d.severity === 'error' ? 'error' : 'warning',
      sanitize(d.message.replace(/[.\s]+$/, '')),
      d.ruleId ?? '',
    ]);
    // A loop, not Math.max(...rows): a post with a million findings has more than the stack takes as arguments.
    const widths = [0, 0];
    for (const row of rows) {
      widths[0] = Math.max(widths[0]!, row[0].length);
      widths[1] = Math.max(widths[1]!, row[1].length);
    }
    output += `\n${c.underline(sanitize(displayPath(context.cwd, result.file)))}\n`;
    for (const [where, severity, message, rule] of rows) {
      const colored = severity === 'error' ? c.red(severity.padEnd(widths[1]!)) : c.yellow(severity.padEnd(widths[1]!));
      output += `  ${c.dim(where.padEnd(widths[0]!))}  ${colored}  ${message}  ${c.dim(rule)}`.trimEnd() + '\n';
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${plural('problem', total)} (${plural('error', errors)}, ${plural('warning', warnings)})`;
  output += `\n${errors ? c.boldRed(summary) : c.boldYellow(summary)}\n`;
  if (fixableErrors || fixableWarnings) {
    const fixable = `  ${plural('error', fixableErrors)} and ${plural('warning', fixableWarnings)} potentially fixable with the \`--fix\` option.`;
    output += `${errors ? c.boldRed(fixable) : c.boldYellow(fixable)}\n`;
  }
  return `${output}\n`;
};
