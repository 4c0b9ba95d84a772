import type { Language } from '../config/types.js';
import type { TagEntry } from '../tags/report.js';
import type { Prompter } from './types.js';

export type CanonicalChoice = { action: 'rename'; term: string; alias: boolean } | { action: 'skip' } | { action: 'stop' };

const SKIP = '\u0000skip';
const STOP = '\u0000stop';

/** Which spelling of a term to keep; the others are renamed to it (and, if wanted, recorded as aliases). */
export async function askCanonical(prompter: Prompter, language: Language, taxonomy: string, entry: TagEntry): Promise<CanonicalChoice> {
  const ja = language === 'ja';
  const spellings = [entry.term, ...entry.variants.map((v) => v.term)];
  const choices = [
    ...spellings.map((term) => ({ value: term, name: ja ? `「${term}」に揃える` : `Use "${term}"` })),
    { value: SKIP, name: ja ? 'このままにする' : 'Leave as is' },
    { value: STOP, name: ja ? '終了' : 'Stop' },
  ];
  const listed = [`${entry.term} (${ja ? `全 ${entry.count} 件` : `${entry.count} posts in all`})`, ...entry.variants.map((v) => `${v.term} (${v.count})`)].join(', ');
  const term = await prompter.select({ message: ja ? `${taxonomy}: ${listed} — どれに揃えますか？` : `${taxonomy}: ${listed}: which spelling to keep?`, choices, default: entry.term });
  if (term === SKIP) return { action: 'skip' };
  if (term === STOP) return { action: 'stop' };
  const alias = await prompter.confirm({
    message: ja ? 'ほかの表記を [aliases] に記録して、今後 lint で指摘しますか？' : 'Record the other spellings under [aliases], so lint flags them from now on?',
    default: true,
  });
  return { action: 'rename', term, alias };
}
