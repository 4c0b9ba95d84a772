import { said } from './helpers.js';
import { iconvCommand } from '../../io/encoding.js';
import type { Rule } from '../types.js';

export const fileEncoding: Rule = {
  meta: {
    id: 'file-encoding',
    description: 'a post that is not UTF-8: Hugo reads posts as UTF-8 and would show it garbled',
    severity: 'error',
    fixable: false,
  },
  check(context) {
    const { encoding } = context.post;
    if (!encoding) return [];
    const { guess } = encoding;
    const problem = guess
      ? { id: 'notUtf8' as const, guess: guess.name, command: iconvCommand(context.post.file, guess) }
      : { id: 'notUtf8' as const };
    return [{ place: context.post.top, message: said('problem', problem) }];
  },
};
