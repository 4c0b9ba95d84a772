/**
 * Inline comments that turn rules off, as markdownlint's: in the body `<!-- meetup-note-disable-next-line rule -->`,
 * `<!-- meetup-note-disable rule -->` ... `<!-- meetup-note-enable rule -->`; in front matter the same
 * words after `#`. No rule named means every rule.
 */

interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  line: number;
  /** Rule ids, or undefined for all rules. */
  rules?: Set<string>;
}

const DIRECTIVE = /(?:<!--|#)\s*meetup-note-(disable-next-line|disable-line|disable|enable)\b([^\n]*?)(?:-->|$)/gm;

export class Directives {
  private readonly list: Directive[] = [];

  constructor(text: string, lineOf: (offset: number) => number) {
    if (!text.includes('meetup-note-')) return;
    for (const match of text.matchAll(DIRECTIVE)) {
      const names = match[2]!.split(/[\s,]+/).filter(Boolean);
      const directive: Directive = { kind: match[1] as Directive['kind'], line: lineOf(match.index) };
      if (names.length) directive.rules = new Set(names);
      this.list.push(directive);
    }
  }

  isDisabled(ruleId: string, line: number): boolean {
    let disabled = false;
    for (const d of this.list) {
      const applies = !d.rules || d.rules.has(ruleId);
      if (!applies) continue;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
      if (d.kind === 'disable-line' && d.line === line) return true;
      if (d.line > line) continue;
      if (d.kind === 'disable') disabled = true;
      if (d.kind === 'enable') disabled = false;
    }
    return disabled;
  }
}
