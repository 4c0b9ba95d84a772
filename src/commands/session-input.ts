import path from 'node:path';
import { parseData } from '../config/parse.js';
import type { Deps } from '../deps.js';
import { InputError, UsageError } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
import type { QaPair, Speaker } from '../post/session.js';
import type { KnownSession } from '../prompts/session.js';
import { locateToml } from '../toml/locate.js';

export interface SessionFlags {
  title?: string;
  speaker?: string[];
  affiliation?: string[];
  slides?: string;
  video?: string;
  question?: string[];
  answer?: string[];
  asker?: string[];
  from?: string;
}

/** `--speaker a --affiliation x --speaker b`: affiliations pair with speakers in order. */
export function pairSpeakers(names: string[], affiliations: string[]): Speaker[] {
  if (affiliations.length > names.length) {
    throw new UsageError((m) => m.input.affiliations(affiliations.length, names.length));
  }
  return names.map((name, i) => ({ name, affiliation: affiliations[i] ?? '' }));
}

/** `--question q1 --answer a1 --question q2 --answer a2`, with optional `--asker` for each. */
export function pairQa(questions: string[], answers: string[], askers: string[]): QaPair[] {
  if (questions.length !== answers.length) {
    throw new UsageError((m) => m.input.answers(questions.length, answers.length));
  }
  if (askers.length > 0 && askers.length !== questions.length) {
    throw new UsageError((m) => m.input.askers(askers.length, questions.length));
  }
  return questions.map((question, i) => ({ question, answer: answers[i]!, asker: askers[i] ?? '' }));
}

type Data = Record<string, unknown>;

function isTable(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SESSION_KEYS = ['title', 'speakers', 'slides', 'video', 'qa'];

/** A session written as TOML or JSON (for `--from`): checked key by key, with the line of a bad one. */
export function sessionFromData(data: unknown, text: string, display: string, format: 'toml' | 'json'): KnownSession {
  const entries = format === 'toml' ? locateToml(text) : [];
  const fail = (key: string, problem: (m: Messages) => string) => {
    const entry = entries.find((e) => e.path.join('.') === key.split('[')[0]);
    return new InputError(
      (m) => m.input.talkKey(key, problem(m)),
      entry ? `${display}:${entry.line}:${entry.column}` : display,
    );
  };
  if (!isTable(data)) throw new InputError((m) => m.input.talkShape, display);
  for (const key of Object.keys(data))
    if (!SESSION_KEYS.includes(key)) throw fail(key, (m) => m.input.talkNotKey(SESSION_KEYS.join(', ')));
  const text_ = (key: string, value: unknown): string => {
    if (value === undefined) return '';
    if (typeof value !== 'string') throw fail(key, (m) => m.input.talkString);
    return value;
  };
  const known: KnownSession = {};
  if (data.title !== undefined) known.title = text_('title', data.title);
  if (data.slides !== undefined) known.slides = text_('slides', data.slides);
  if (data.video !== undefined) known.video = text_('video', data.video);
  if (data.speakers !== undefined) {
    if (!Array.isArray(data.speakers)) throw fail('speakers', (m) => m.input.talkSpeakers);
    known.speakers = data.speakers.map((s, i) => {
      if (typeof s === 'string') return { name: s, affiliation: '' };
      if (!isTable(s)) throw fail(`speakers[${i}]`, (m) => m.input.talkSpeaker);
      return {
        name: text_(`speakers[${i}].name`, s.name),
        affiliation: text_(`speakers[${i}].affiliation`, s.affiliation),
      };
    });
  }
  if (data.qa !== undefined) {
    if (!Array.isArray(data.qa)) throw fail('qa', (m) => m.input.talkQaList);
    known.qa = data.qa.map((pair, i) => {
      if (!isTable(pair)) throw fail(`qa[${i}]`, (m) => m.input.talkQa);
      return {
        question: text_(`qa[${i}].question`, pair.question),
        answer: text_(`qa[${i}].answer`, pair.answer),
        asker: text_(`qa[${i}].asker`, pair.asker),
      };
    });
  }
  return known;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Thrown by the engines that would run code (`---js`): such front matter is refused, not evaluated. */
class CodeFrontMatter extends Error {}

type GrayMatter = (
  text: string,
  options: Record<string, unknown>,
) => { data: unknown; content: string; matter: string };

/**
 * A talk note taken elsewhere (a phone's Markdown app): YAML (`---`) or TOML (`+++`) front matter with
 * the session keys, and the notes as its body. A foreign file read whole, so gray-matter reads it
 * (posts are read by our own splitter: an edit needs byte offsets, which gray-matter does not give).
 * Options are always passed, so its cache of parsed files stays off.
 */
async function readNote(text: string, display: string): Promise<KnownSession> {
  const matter = (await import('gray-matter')).default as unknown as GrayMatter;
  const toml = text.startsWith('+++');
  // gray-matter would run `---js` front matter with eval: only a bare `---` or `+++` opener is read, and its code
  // engines are refused.
  if (!/^(---|\+\+\+)[ \t]*\r?\n/.test(text)) throw new InputError((m) => m.input.noteOpener, display);
  const refuse = () => {
    throw new CodeFrontMatter();
  };
  const engines = {
    javascript: refuse,
    js: refuse,
    coffee: refuse,
    coffeescript: refuse,
    cson: refuse,
    toml: parseTomlNote,
  };
  let note: ReturnType<GrayMatter>;
  try {
    note = matter(
      text,
      toml ? { delimiters: '+++', language: 'toml', engines } : { delimiters: '---', language: 'yaml', engines },
    );
  } catch (error) {
    const detail = String((error as Error).message).split('\n')[0]!;
    throw new InputError(
      (m) => (error instanceof CodeFrontMatter ? m.input.noteCode : m.input.noteUnreadable(detail)),
      display,
    );
  }
  const known = sessionFromData(note.data ?? {}, toml ? note.matter : '', display, toml ? 'toml' : 'json');
  const body = note.content.replace(/^\s*\n/, '').trimEnd();
  if (body) known.notes = body;
  return known;
}

function parseTomlNote(text: string): unknown {
  const parsed = parseData('toml', text);
  if ('failure' in parsed) throw new Error(`${parsed.failure.message} (line ${parsed.failure.line})`);
  return parsed.data;
}

/**
 * Reads `--from <file|->`: TOML or JSON, by the file's extension or, for stdin, by its first character; a Markdown note
 * (.md, or front matter) with gray-matter.
 */
export async function readSessionFile(from: string, deps: Deps, baseDir: string): Promise<KnownSession> {
  const display = from === '-' ? '<stdin>' : from;
  let text: string;
  try {
    text = from === '-' ? await readStdin(deps.stdin) : await deps.fs.readFile(path.resolve(baseDir, from), 'utf8');
  } catch (error) {
    throw new UsageError((m) =>
      m.input.fromUnreadable(from, (error as NodeJS.ErrnoException).code ?? (error as Error).message),
    );
  }
  text = text.replace(/^\uFEFF/, '');
  if (/\.(md|markdown)$/i.test(from) || (from === '-' && /^(---|\+\+\+)\r?\n/.test(text)))
    return readNote(text, display);
  const format = from.endsWith('.json') || (from === '-' && text.trimStart().startsWith('{')) ? 'json' : 'toml';
  const parsed = parseData(format, text);
  if ('failure' in parsed)
    throw new InputError(
      (m) => m.input.fileSyntax(parsed.failure.message, format.toUpperCase()),
      `${display}:${parsed.failure.line}:${parsed.failure.column}`,
    );
  return sessionFromData(parsed.data, text, display, format);
}

/** Flags win over `--from`; a list flag given at all replaces that list. */
export async function knownSession(flags: SessionFlags, deps: Deps, baseDir: string): Promise<KnownSession> {
  const known: KnownSession = flags.from ? await readSessionFile(flags.from, deps, baseDir) : {};
  if (flags.title !== undefined) known.title = flags.title;
  if (flags.speaker?.length || flags.affiliation?.length)
    known.speakers = pairSpeakers(flags.speaker ?? [], flags.affiliation ?? []);
  if (flags.slides !== undefined) known.slides = flags.slides;
  if (flags.video !== undefined) known.video = flags.video;
  if (flags.question?.length || flags.answer?.length || flags.asker?.length)
    known.qa = pairQa(flags.question ?? [], flags.answer ?? [], flags.asker ?? []);
  return known;
}
