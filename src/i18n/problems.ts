import type { Language } from '../config/types.js';
import { MESSAGES } from './messages.js';

/** Why a typed value cannot be used; worded per language by `describeProblem`. */
export type Problem =
  | { id: 'required' }
  | { id: 'lineBreak' }
  | { id: 'control'; code: string }
  | { id: 'surrogate' }
  | { id: 'notUrl'; value: string }
  | { id: 'notHttp'; value: string }
  | { id: 'hashtagSpace'; value: string }
  | { id: 'slugEmpty' }
  | { id: 'slugChars'; value: string }
  | { id: 'slugLong' }
  | { id: 'dateFormat'; value: string }
  | { id: 'dateCalendar'; value: string }
  | { id: 'timeOfDay'; value: string }
  | { id: 'offset'; value: string }
  | { id: 'exists'; value: string }
  | { id: 'binary' }
  | { id: 'notUtf8'; guess?: string; command?: string }
  | { id: 'unreadable'; code: string }
  | { id: 'notAFile' }
  | { id: 'tooLarge'; size: number; limit: number }
  | { id: 'outsideSite'; real: string }
  | { id: 'notInContent'; dirs: string }
  | { id: 'notPost' }
  | { id: 'tooDeep'; limit: number }
  | { id: 'writeFailed'; code: string }
  | { id: 'locked'; lock: string }
  | { id: 'changed' };

export type Wording = { [K in Problem['id']]: (p: Extract<Problem, { id: K }>) => string };

/** The problem worded in the language (the wording lives in the one catalog, messages.ts). */
export function describeProblem(problem: Problem, language: Language): string {
  return MESSAGES[language].problem(problem);
}
