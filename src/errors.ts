/** Errors that commands throw on purpose; `exitCodeFor` is the one place that maps them to exit codes. */
import type { Messages } from './i18n/messages.js';
import type { Problem } from './i18n/problems.js';

export type ErrorKind = 'usage' | 'config' | 'input' | 'conflict' | 'fatal' | 'cancelled';

/**
 * A message picked from the catalog (src/i18n/messages.ts), worded only when it is printed: an error
 * thrown before the site's language is known (a bad flag, a broken config) is still said in it.
 */
export type Say = (messages: Messages) => string;

/**
 * The English catalog, for `Error.message` (logs, tests). messages.ts hands it over when it loads: errors are
 * made on paths that never print them (a run that finds nothing), where loading the catalog would cost
 * start-up (7 ms, measured), and printing goes through `messageOf` in the site's language anyway.
 */
let english: Messages | undefined;
export function useEnglishCatalog(messages: Messages): void {
  english = messages;
}

export class MeetupNoteError extends Error {
  readonly kind: ErrorKind;
  readonly say: Say;
  /** Where the problem is, printed before the message: `file:line:col`. */
  readonly location: string | undefined;
  constructor(kind: ErrorKind, say: Say, location?: string) {
    super();
    this.name = 'MeetupNoteError';
    this.kind = kind;
    this.say = say;
    this.location = location;
  }
}

// `message` in English, worded when read (an accessor: Error's own is a data property, set in no constructor here).
Object.defineProperty(MeetupNoteError.prototype, 'message', {
  get(this: MeetupNoteError): string {
    return english ? this.say(english) : `meetup-note ${this.kind} error`;
  },
  configurable: true,
});

/** A flag or argument is missing or malformed. */
export class UsageError extends MeetupNoteError {
  constructor(say: Say) {
    super('usage', say);
  }
}

/** A config file or template of the site cannot be used. */
export class ConfigError extends MeetupNoteError {
  constructor(say: Say, location?: string) {
    super('config', say, location);
  }
}

/** A post or input file cannot be used as it is. */
export class InputError extends MeetupNoteError {
  constructor(say: Say, location?: string) {
    super('input', say, location);
  }
}

/** The file changed on disk after we read it, or would be overwritten. */
export class ConflictError extends MeetupNoteError {
  constructor(say: Say, location?: string) {
    super('conflict', say, location);
  }
}

/** A file cannot be read, edited or written as it is. */
export class FileProblemError extends MeetupNoteError {
  readonly problem: Problem;
  constructor(problem: Problem, location: string) {
    super(
      problem.id === 'changed' || problem.id === 'locked' ? 'conflict' : 'input',
      (m) => m.problem(problem),
      location,
    );
    this.problem = problem;
  }
}

/** Ctrl-C at a prompt: nothing was written. */
export class CancelledError extends MeetupNoteError {
  constructor() {
    super('cancelled', (m) => m.cli.cancelled);
  }
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FATAL = 2;
export const EXIT_CANCELLED = 130;

export function exitCodeFor(error: unknown): number {
  if (error instanceof MeetupNoteError && error.kind === 'cancelled') return EXIT_CANCELLED;
  return EXIT_FATAL;
}

/** The error's message in the catalog's language, after its location. */
export function messageOf(error: MeetupNoteError, messages: Messages): string {
  const text = error.say(messages);
  return error.location ? `${error.location}: ${text}` : text;
}

export function formatError(error: unknown, messages: Messages): string {
  if (error instanceof MeetupNoteError) return messageOf(error, messages);
  return messages.cli.unexpected(error instanceof Error ? error.message : String(error));
}
