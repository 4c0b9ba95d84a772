import { PassThrough } from 'node:stream';
import { type Deps, type FileSystem, nodeFileSystem } from '../../src/deps.js';
import { CancelledError } from '../../src/errors.js';
import type { Prompter } from '../../src/prompts/types.js';

export interface Captured {
  deps: Deps;
  stdout: () => string;
  stderr: () => string;
}

/**
 * Deps for calling commands in-process: real files, captured output, a fixed clock and no terminal unless a prompter is
 * given.
 */
export function testDeps(options: {
  cwd: string;
  prompter?: Prompter;
  now?: Date;
  env?: Record<string, string>;
  fs?: FileSystem;
  interactive?: boolean;
}): Captured {
  let out = '';
  let err = '';
  const deps: Deps = {
    cwd: options.cwd,
    env: { TZ: 'Asia/Tokyo', ...options.env },
    stdin: new PassThrough(),
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    interactive: options.interactive ?? Boolean(options.prompter),
    now: () => options.now ?? new Date('2026-11-25T10:00:00Z'),
    fs: options.fs ?? nodeFileSystem,
    prompts: async () => {
      if (!options.prompter) throw new Error('this test does not expect prompts');
      return options.prompter;
    },
  };
  return { deps, stdout: () => out, stderr: () => err };
}

export type Answer = string | boolean | string[] | typeof CANCEL;
export const CANCEL = Symbol('Ctrl-C');

/**
 * A prompter that gives the scripted answers in order and records each question. A `string` answer
 * to an input is checked with the prompt's own validate, as the terminal would.
 */
export function scriptedPrompter(answers: Answer[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no scripted answer for: ${message}`);
    const answer = queue.shift()!;
    if (answer === CANCEL) throw new CancelledError();
    return answer;
  };
  return {
    asked,
    async input(question) {
      let answer = next(question.message) as string;
      if (answer === '' && question.default !== undefined) answer = question.default;
      const verdict = question.validate ? await question.validate(answer) : true;
      if (verdict !== true) throw new Error(`invalid answer "${answer}" to "${question.message}": ${verdict}`);
      return answer;
    },
    async confirm(question) {
      return next(question.message) as boolean;
    },
    async checkbox(question) {
      return next(question.message) as never;
    },
    async select(question) {
      return next(question.message) as never;
    },
  };
}

/** What a command that fails says, worded as the CLI prints it in a language (errors are worded when printed). */
export async function rejection(
  promise: Promise<unknown>,
  language: 'en' | 'ja' = 'en',
): Promise<{ kind: string; text: string }> {
  const { MeetupNoteError, messageOf } = await import('../../src/errors.js');
  const { MESSAGES } = await import('../../src/i18n/messages.js');
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof MeetupNoteError)) throw error;
    return { kind: error.kind, text: messageOf(error, MESSAGES[language]) };
  }
  throw new Error('the command did not fail');
}
