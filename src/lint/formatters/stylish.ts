import { displayPath } from '../../io/paths.js';
import { MESSAGES } from '../../i18n/messages.js';
import { plainColors } from '../../io/colors.js';
import { sanitize } from '../../io/sanitize.js';
import { counts, type Formatter } from './types.js';

/** Terminal columns of a label: CJK characters take two. */
function columns(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 2
      : 1;
  return width;
}

/** ESLint's stylish report: a block per file, `line:col  severity  message  rule`, then a summary. */
export const stylish: Formatter = function* (results, context) {
  const c = context.colors ?? plainColors;
  const m = MESSAGES[context.language ?? 'en'].lint;
  const label = { error: m.error, warn: m.warning };
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
      severityWidth = Math.max(severityWidth, columns(label[d.severity]));
    }
    yield `\n${c.underline(sanitize(displayPath(context.cwd, result.file)))}\n`;
    for (const d of result.diagnostics) {
      const severity = label[d.severity] + ' '.repeat(severityWidth - columns(label[d.severity]));
      const colored = d.severity === 'error' ? c.red(severity) : c.yellow(severity);
      const message = sanitize(d.message.replace(/[.\s]+$/, ''));
      const where = c.dim(`${d.place.line}:${d.place.column}`.padEnd(whereWidth));
      yield `${`  ${where}  ${colored}  ${message}  ${c.dim(d.ruleId ?? '')}`.trimEnd()}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return;
  const summary = m.summary(total, errors, warnings);
  yield `\n${errors ? c.boldRed(summary) : c.boldYellow(summary)}\n`;
  if (fixableErrors || fixableWarnings) {
    const fixable = m.fixable(fixableErrors, fixableWarnings);
    yield `${errors ? c.boldRed(fixable) : c.boldYellow(fixable)}\n`;
  }
  yield '\n';
};
