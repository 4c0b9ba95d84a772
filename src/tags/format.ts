import type { Language } from '../config/types.js';
import { sanitize } from '../io/sanitize.js';
import type { TagReport } from './report.js';

/** The report as text: per taxonomy, the count, the term, and what to know about its spellings. */
export function formatTagReport(report: TagReport, language: Language): string {
  const ja = language === 'ja';
  let out = '';
  for (const [taxonomy, entries] of Object.entries(report)) {
    const used = entries.filter((e) => !e.unused);
    out += `${taxonomy} (${ja ? `${used.length} 語` : `${used.length} ${used.length === 1 ? 'term' : 'terms'}`})\n`;
    const width = entries.reduce((max, e) => Math.max(max, String(e.count).length), 1);
    for (const entry of entries) {
      const notes: string[] = [];
      if (entry.variants.length) {
        const spellings = entry.variants.map((v) => `${v.term} (${v.count}${v.alias ? (ja ? '、別名' : ', alias') : ''})`).join(', ');
        notes.push(ja ? `表記揺れ: ${spellings}` : `also spelled ${spellings}`);
      }
      if (entry.unknown) notes.push(ja ? '語彙にない' : 'not in the vocabulary');
      if (entry.unused) notes.push(ja ? '語彙にあるが未使用' : 'in the vocabulary, unused');
      out += `  ${String(entry.count).padStart(width)}  ${entry.term}${notes.length ? `  \u2190 ${notes.join('; ')}` : ''}\n`;
    }
    out += '\n';
  }
  // Terms and taxonomies come from the posts: shown, never obeyed, by the terminal.
  return sanitize(out);
}
