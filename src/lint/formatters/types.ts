import type { Language } from '../../config/types.js';
import type { Colors } from '../../io/colors.js';
import type { FileResult } from '../run.js';

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  color: boolean;
  version: string;
  /** The rules that ran, for formats that describe them (SARIF). */
  rules: { id: string; description: string; severity: 'error' | 'warn' }[];
  /** True with --fix-dry-run: formats that can carry the fixed text do. */
  dryRun: boolean;
  /** The language of the site: stylish's summary is written in it (default English). */
  language?: Language;
  /** The colours to draw with (plain ones when `color` is false). */
  colors?: Colors;
}

/**
 * A report as pieces of text, in order: a million findings make more text than one string can hold,
 * so the caller writes the pieces as they come.
 */
export type Formatter = (results: FileResult[], context: FormatContext) => Iterable<string>;

/** The whole report as one string, for small reports (tests). */
export function formatToString(formatter: Formatter, results: FileResult[], context: FormatContext): string {
  return [...formatter(results, context)].join('');
}

export function counts(result: FileResult): {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
} {
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const d of result.diagnostics) {
    if (d.severity === 'error') {
      errors++;
      if (d.fix || d.photo) fixableErrors++;
    } else {
      warnings++;
      if (d.fix || d.photo) fixableWarnings++;
    }
  }
  return { errors, warnings, fixableErrors, fixableWarnings };
}
