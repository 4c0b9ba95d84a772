import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages.js';
import type { Problem } from '../../src/i18n/problems.js';

/** Ids whose Japanese wording has no Japanese of its own: it only joins other, translated pieces. */
const NEUTRAL = new Set(['cli.flagProblem', 'input.talkKey']);

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;

/**
 * A stand-in for any argument: an array that reads as the text "x" (and has its methods), with a length, to map or
 * join.
 */
const ANY: unknown = Object.assign(
  ['x'],
  Object.fromEntries(
    Object.getOwnPropertyNames(String.prototype)
      .filter((name) => !(name in Array.prototype))
      .map((name) => [
        name,
        (...args: unknown[]) =>
          (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!.apply('x', args),
      ]),
  ),
);

const PROBLEMS: Problem[] = [
  { id: 'required' },
  { id: 'lineBreak' },
  { id: 'control', code: 'U+0007' },
  { id: 'surrogate' },
  { id: 'notUrl', value: 'x' },
  { id: 'notHttp', value: 'x' },
  { id: 'hashtagSpace', value: 'a b' },
  { id: 'slugEmpty' },
  { id: 'slugChars', value: 'a/b' },
  { id: 'slugLong' },
  { id: 'dateFormat', value: 'x' },
  { id: 'dateCalendar', value: '2023-02-30' },
  { id: 'timeOfDay', value: '25:00' },
  { id: 'offset', value: '+25:00' },
  { id: 'exists', value: 'x.md' },
  { id: 'binary' },
  { id: 'notUtf8', guess: 'Shift_JIS', command: 'iconv' },
  { id: 'notUtf8' },
  { id: 'unreadable', code: 'EACCES' },
  { id: 'unreadable', code: 'EWHATEVER' },
  { id: 'notAFile' },
  { id: 'tooLarge', size: 1 << 27, limit: 1 << 26 },
  { id: 'outsideSite', real: '/x' },
  { id: 'notInContent', dirs: 'content' },
  { id: 'notPost' },
  { id: 'tooDeep', limit: 100 },
  { id: 'writeFailed', code: 'ENOSPC' },
  { id: 'writeFailed', code: 'ENOENT' },
  { id: 'locked', lock: '.x.lock' },
  { id: 'changed' },
];

/** Every message of a catalog, by dotted id, worded with stand-in arguments. */
function wordings(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node === 'function') {
    if (prefix === 'problem') return PROBLEMS.map((p) => [`problem.${p.id}`, (node as (p: Problem) => string)(p)]);
    if (prefix === 'rules.syntax') {
      const say = node as (s: unknown) => string;
      return [
        ['rules.syntax.unclosed', say({ kind: 'unclosed', opener: '+++', delimiter: '+++' })],
        ['rules.syntax.invalid', say({ kind: 'invalid', format: 'TOML', detail: 'x' })],
        ['rules.syntax.notTable', say({ kind: 'notTable' })],
      ];
    }
    const call = node as (...args: unknown[]) => string;
    return [[prefix, call(...Array.from({ length: call.length }, () => ANY))]];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
    wordings(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('the message catalog', () => {
  const en = new Map(wordings(MESSAGES.en));
  const ja = new Map(wordings(MESSAGES.ja));

  it('has every message in both languages', () => {
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(240);
  });

  it('words every message in Japanese in ja, and none in en', () => {
    const untranslated = [...ja]
      .filter(([id, text]) => !NEUTRAL.has(id) && !JAPANESE.test(text.replace(/勉強会/g, '')) && text.trim() !== '')
      .map(([id]) => id);
    expect(untranslated).toEqual([]);
    // The English catalog quotes Japanese only in examples (勉強会 in a term list, a title).
    const japaneseInEnglish = [...en]
      .filter(([, text]) => JAPANESE.test(text.replace(/勉強会|Go活用事例|【DeNA\.go #3】Go の話を聞いてきた/g, '')))
      .map(([id]) => id);
    expect(japaneseInEnglish).toEqual([]);
  });

  it('differs between the languages wherever it has words', () => {
    const same = [...ja].filter(([id, text]) => !NEUTRAL.has(id) && text === en.get(id)).map(([id]) => id);
    expect(same).toEqual([]);
  });
});

describe('one mechanism for what is printed', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? files(file) : file.endsWith('.ts') ? [file] : [];
    });
  const sources = files(path.resolve(__dirname, '../../src')).filter(
    (file) => !file.includes(`${path.sep}i18n${path.sep}`),
  );

  it('words no message in place: no language tests, no English error texts outside the catalog', () => {
    const found: string[] = [];
    for (const file of sources) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const where = `${path.relative(process.cwd(), file)}:${i + 1}`;
          if (/language === 'ja'|\bja \?|=== 'ja' \?/.test(line))
            found.push(`${where}: a message chosen by language in place`);
          if (/new (Usage|Config|Input|Conflict|Fetch)Error\(\s*['"`]/.test(line))
            found.push(`${where}: an error worded in place`);
        });
    }
    expect(found).toEqual([]);
  });
});
