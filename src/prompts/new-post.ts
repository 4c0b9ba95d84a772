import type { Language } from '../config/types.js';
import { describeProblem, type Problem } from '../i18n/problems.js';
import type { Messages } from '../i18n/messages.js';
import { type PostDate, parsePostDate } from '../post/date.js';
import type { NewPostInput } from '../post/new-post.js';
import { slugDefault, slugProblem } from '../post/slug.js';
import { hashtagProblem, normalizeHashtag, oneLineProblem, splitList, urlProblem } from '../post/text.js';
import type { SpellingSource, TermCounts } from '../site/terms.js';
import type { Prompter, Validate } from './types.js';

export interface NewPostContext {
  messages: Messages;
  language: Language;
  timezone: string;
  /** The date offered when none was given. */
  defaultDate: PostDate;
  defaults: { categories: string[]; tags: string[]; draft: boolean; author: string };
  /** Terms the site already uses, to pick from. */
  terms: TermCounts;
  /** The site's spelling of a term, when it is not the one given (an alias, a variant): offered in its place. */
  spellingOf?: (taxonomy: string, term: string) => { term: string; source: SpellingSource } | undefined;
  /** A problem when the post for this slug and date cannot be created (it exists and there is no --force). */
  slugTaken: (slug: string, date: PostDate) => Promise<Problem | undefined>;
  /** Values read from the event page: offered as the defaults, to confirm or edit. */
  suggested?: Partial<NewPostInput>;
}

function check(language: Language, test: (value: string) => Problem | undefined, optional = true): Validate {
  return (value) => {
    if (!value.trim()) return optional ? true : describeProblem({ id: 'required' }, language);
    const problem = test(value.trim());
    return problem ? describeProblem(problem, language) : true;
  };
}

async function askTerms(
  prompter: Prompter,
  taxonomy: 'categories' | 'tags',
  context: NewPostContext,
): Promise<string[]> {
  const { messages } = context;
  const label = messages.fields[taxonomy];
  const used = context.terms[taxonomy] ?? [];
  const preset = context.defaults[taxonomy];
  let picked: string[] = [];
  if (used.length > 0) {
    const choices = [...new Set([...preset, ...used.map((u) => u.term)])].map((term) => {
      const count = used.find((u) => u.term === term)?.count;
      return { value: term, name: count ? `${term} (${count})` : term, checked: preset.includes(term) };
    });
    picked = await prompter.checkbox({ message: messages.askPickTerms(label), choices });
  }
  const typed = await prompter.input({
    message: messages.askNewTerms(label),
    default: used.length > 0 ? '' : preset.join(', '),
    validate: check(context.language, (value) => splitList(value).map(oneLineProblem).find(Boolean)),
  });
  const terms: string[] = [];
  for (const term of [...picked, ...splitList(typed)]) {
    const preferred = context.spellingOf?.(taxonomy, term);
    if (!preferred) {
      terms.push(term);
      continue;
    }
    const why = messages.spellingSource(preferred.source);
    terms.push(
      await prompter.select({
        message: messages.askSpelling(label, term, preferred.term, why),
        choices: [
          { value: preferred.term, name: messages.useSiteSpelling(preferred.term) },
          { value: term, name: messages.keepTyped(term) },
        ],
        default: preferred.term,
      }),
    );
  }
  return [...new Set(terms)];
}

/** Asks for every value that was not given as a flag, in the order a writer knows them at a meetup. */
export async function askNewPost(
  prompter: Prompter,
  known: Partial<NewPostInput>,
  context: NewPostContext,
): Promise<NewPostInput & { overwrite?: boolean }> {
  const { messages: m, language } = context;
  const suggested = context.suggested ?? {};
  const offer = (value: string | undefined) => (value ? { default: value } : {});
  const event =
    known.event ??
    (
      await prompter.input({
        message: m.askEvent,
        ...offer(suggested.event),
        validate: check(language, oneLineProblem),
      })
    ).trim();
  const eventUrl =
    known.eventUrl ??
    (
      await prompter.input({
        message: m.askEventUrl,
        ...offer(suggested.eventUrl),
        validate: check(language, urlProblem),
      })
    ).trim();
  const hashtag =
    known.hashtag ??
    normalizeHashtag(
      await prompter.input({
        message: m.askHashtag,
        ...offer(suggested.hashtag),
        validate: check(language, (v) => hashtagProblem(normalizeHashtag(v))),
      }),
    );
  let date = known.date;
  if (!date) {
    const offered = suggested.date ?? context.defaultDate;
    const typed = await prompter.input({
      message: m.askDate,
      default: offered.display,
      validate: check(
        language,
        (value) => {
          const parsed = parsePostDate(value, context.timezone);
          return 'problem' in parsed ? parsed.problem : undefined;
        },
        false,
      ),
    });
    // The offered date keeps the event's own offset when it is taken as offered.
    const parsed = typed.trim() === offered.display ? offered : parsePostDate(typed, context.timezone);
    date = 'problem' in parsed ? offered : parsed;
  }
  const title =
    known.title ??
    (
      await prompter.input({
        message: m.askTitle,
        default: event ? `【${event}】` : '',
        validate: check(language, oneLineProblem, false),
      })
    ).trim();
  const description =
    known.description ??
    (
      await prompter.input({
        message: m.askDescription,
        ...offer(suggested.description),
        validate: check(language, oneLineProblem),
      })
    ).trim();
  const categories = known.categories ?? (await askTerms(prompter, 'categories', context));
  const tags = known.tags ?? (await askTerms(prompter, 'tags', context));
  const { slug, overwrite } = await askSlug(prompter, known.slug, slugDefault(event, title, date), date, context);
  const draft = known.draft ?? (await prompter.confirm({ message: m.askDraft, default: context.defaults.draft }));
  const input = {
    event,
    eventUrl,
    hashtag,
    date,
    title,
    description,
    categories,
    tags,
    slug,
    draft,
    author: known.author ?? context.defaults.author,
  };
  return overwrite ? { ...input, overwrite } : input;
}

/**
 * The slug; when its post exists, the writer chooses there and then: the next free slug (`-2`, `-3`),
 * overwriting that post, or typing another one.
 */
async function askSlug(
  prompter: Prompter,
  given: string | undefined,
  offered: string,
  date: PostDate,
  context: NewPostContext,
): Promise<{ slug: string; overwrite?: boolean }> {
  const { messages: m, language } = context;
  let slug = given;
  for (;;) {
    slug ??= (
      await prompter.input({
        message: m.askSlug,
        default: offered,
        validate: check(language, (value) => slugProblem(value), false),
      })
    ).trim();
    const taken = await context.slugTaken(slug, date);
    if (taken?.id !== 'exists') return { slug };
    let free = slug;
    for (let n = 2; await context.slugTaken(free, date); n++) free = `${slug}-${n}`;
    const choice = await prompter.select({
      message: m.askSlugTaken(taken.value),
      choices: [
        { value: 'free', name: m.useSlug(free) },
        { value: 'overwrite', name: m.overwriteFile(taken.value) },
        { value: 'other', name: m.otherSlug },
      ],
      default: 'free',
    });
    if (choice === 'free') return { slug: free };
    if (choice === 'overwrite') return { slug, overwrite: true };
    slug = undefined;
  }
}

/** The answers as the summary shows them before asking to write. */
export function summarize(input: NewPostInput, file: string, m: Messages): string {
  const rows: [string, string][] = [
    [m.fields.file, file],
    [m.fields.title, input.title],
    [m.fields.event, input.event],
    [m.fields.eventUrl, input.eventUrl],
    [m.fields.hashtag, input.hashtag ? `#${input.hashtag}` : ''],
    [m.fields.date, input.date.text],
    [m.fields.description, input.description],
    [m.fields.categories, input.categories.join(', ')],
    [m.fields.tags, input.tags.join(', ')],
    [m.fields.author, input.author],
    [m.fields.draft, input.draft ? m.yes : m.no],
  ];
  return `${m.summary}\n${rows
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
}
