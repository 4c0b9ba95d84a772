import type { Language } from '../config/types.js';
import { MESSAGES } from '../i18n/messages.js';
import { sanitize } from '../io/sanitize.js';
import type { TagReport } from './report.js';

/** The report as text: per taxonomy, the count, the term, and what to know about its spellings. */
export function formatTagReport(report: TagReport, language: Language): string {
  const m = MESSAGES[language].tags;
  let out = '';
  for (const [taxonomy, entries] of Object.entries(report)) {
    const used = entries.filter((e) => !e.unused);
    out += `${m.heading(taxonomy, used.length)}\n`;
    const width = entries.reduce((max, e) => Math.max(max, String(e.count).length), 1);
    for (const entry of entries) {
      const notes: string[] = [];
      if (entry.variants.length) {
        const spellings = entry.variants.map((v) => `${v.term} (${v.count}${v.alias ? m.alias : ''})`).join(', ');
        notes.push(m.alsoSpelled(spellings));
      }
      if (entry.unknown) notes.push(m.unknown);
      if (entry.unused) notes.push(m.unused);
      out +=
        `  ${String(entry.count).padStart(width)}  ` +
        `${entry.term}${notes.length ? `  \u2190 ${notes.join('; ')}` : ''}\n`;
    }
    out += '\n';
  }
  // Terms and taxonomies come from the posts: shown, never obeyed, by the terminal.
  return sanitize(out);
}
