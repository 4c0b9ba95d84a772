import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { CancelledError } from '../errors.js';
import type { Prompter } from './types.js';

interface Streams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Ctrl-C (or a closed terminal) rejects a prompt; it becomes a CancelledError so nothing is written. */
async function orCancelled<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new CancelledError();
    }
    throw error;
  }
}

export function createInquirerPrompter(streams: Streams = {}): Prompter {
  const context = streams.input || streams.output ? { ...streams, clearPromptOnDone: false } : undefined;
  return {
    input: (question) => orCancelled(input(question, context)),
    confirm: (question) => orCancelled(confirm(question, context)),
    checkbox: (question) => orCancelled(checkbox({ ...question, pageSize: 15 }, context)),
    select: (question) => orCancelled(select(question, context)),
  };
}
