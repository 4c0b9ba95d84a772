/** A place in a text: offsets and 1-based line and column (columns in UTF-16 code units, as ESLint's). */
export interface Place {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Offsets to 1-based lines and columns; a BOM is not counted, as editors and ESLint do not show it. */
export class LineIndex {
  // Exactly sized (a count, then the starts): a whole-site run keeps one per post, and a growing array of
  // numbers took 2 to 3 times the bytes (heap snapshot of the 10,000-post bench site).
  private readonly starts: Int32Array;
  private readonly bom: number;

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    this.starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts[line++] = i + 1;
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.starts[low]! + (low === 0 ? this.bom : 0);
    return { line: low + 1, column: Math.max(1, offset - lineStart + 1) };
  }

  place(start: number, end: number): Place {
    const from = this.position(start);
    const to = this.position(end);
    return { start, end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /** 1 when the text starts with a BOM: ESLint's fix ranges do not count it. */
  get bomLength(): number {
    return this.bom;
  }
}

/** The 1-based line and column of one offset (a BOM counts as a column here: config files, templates, talk notes). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
