/** Errors that commands throw on purpose; `exitCodeFor` is the one place that maps them to exit codes. */
import type { Language } from './config/types.js';
import { type Problem, describeProblem } from './i18n/problems.js';

export type ErrorKind = 'usage' | 'config' | 'input' | 'conflict' | 'fatal' | 'cancelled';

export class MeetupNoteError extends Error {
  readonly kind: ErrorKind;
  /** Where the problem is, printed before the message: `file:line:col`. */
  readonly location: string | undefined;
  constructor(kind: ErrorKind, message: string, location?: string) {
    super(message);
    this.name = 'MeetupNoteError';
    this.kind = kind;
    this.location = location;
  }
}

/** A flag or argument is missing or malformed. */
export class UsageError extends MeetupNoteError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** A config file or template of the site cannot be used. */
export class ConfigError extends MeetupNoteError {
  constructor(message: string, location?: string) {
    super('config', message, location);
  }
}

/** A post or input file cannot be used as it is. */
export class InputError extends MeetupNoteError {
  constructor(message: string, location?: string) {
    super('input', message, location);
  }
}

/** The file changed on disk after we read it, or would be overwritten. */
export class ConflictError extends MeetupNoteError {
  constructor(message: string, location?: string) {
    super('conflict', message, location);
  }
}

/** A file cannot be read, edited or written as it is; the message is worded in the site's language. */
export class FileProblemError extends MeetupNoteError {
  readonly problem: Problem;
  constructor(problem: Problem, language: Language, location: string) {
    super(problem.id === 'changed' || problem.id === 'locked' ? 'conflict' : 'input', describeProblem(problem, language), location);
    this.problem = problem;
  }
}

/** Ctrl-C at a prompt: nothing was written. */
export class CancelledError extends MeetupNoteError {
  constructor() {
    super('cancelled', 'cancelled; nothing was written');
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

export function formatError(error: unknown): string {
  if (error instanceof MeetupNoteError) {
    return error.location ? `${error.location}: ${error.message}` : error.message;
  }
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
