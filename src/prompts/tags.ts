import type { Language } from '../config/types.js';
import { MESSAGES } from '../i18n/messages.js';
import type { TagEntry } from '../tags/report.js';
import type { Prompter } from './types.js';

export type CanonicalChoice =
  | { action: 'rename'; term: string; alias: boolean }
  | { action: 'skip' }
  | { action: 'stop' };

const SKIP = '\u0000skip';
const STOP = '\u0000stop';

/** Which spelling of a term to keep; the others are renamed to it (and, if wanted, recorded as aliases). */
export async function askCanonical(
  prompter: Prompter,
  language: Language,
  taxonomy: string,
  entry: TagEntry,
): Promise<CanonicalChoice> {
  const m = MESSAGES[language].tags;
  const spellings = [entry.term, ...entry.variants.map((v) => v.term)];
  const choices = [
    ...spellings.map((term) => ({ value: term, name: m.use(term) })),
    { value: SKIP, name: m.leave },
    { value: STOP, name: m.stop },
  ];
  const listed = [
    `${entry.term} (${m.inAll(entry.count)})`,
    ...entry.variants.map((v) => `${v.term} (${v.count})`),
  ].join(', ');
  const term = await prompter.select({ message: m.whichSpelling(taxonomy, listed), choices, default: entry.term });
  if (term === SKIP) return { action: 'skip' };
  if (term === STOP) return { action: 'stop' };
  const alias = await prompter.confirm({ message: m.askAliases, default: true });
  return { action: 'rename', term, alias };
}
