import path from 'node:path';
import { loadSite, resolveTimezone } from '../config/load.js';
import type { SiteConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import type { EventTalk } from '../event/types.js';
import { MESSAGES, type Messages } from '../i18n/messages.js';
import type { Problem } from '../i18n/problems.js';
import { assertInside, createFile, exists, makeDirs, removeCreated, writeFileAtomic } from '../io/files.js';
import { currentPostDate, parsePostDate } from '../post/date.js';
import { type NewPostInput, planPaths, renderNewPost } from '../post/new-post.js';
import { slugDefault, slugProblem } from '../post/slug.js';
import { hashtagProblem, normalizeHashtag, oneLineProblem, splitList, urlProblem } from '../post/text.js';
import type { Prompter } from '../prompts/types.js';
import { loadTemplate } from '../templates/render.js';
import type { Session } from '../post/session.js';
import { displayPath } from '../io/paths.js';

export interface NewOptions {
  cwd?: string;
  title?: string;
  event?: string;
  eventUrl?: string;
  hashtag?: string;
  date?: string;
  description?: string;
  categories?: string;
  tags?: string;
  slug?: string;
  author?: string;
  draft?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  force?: boolean;
  fromUrl?: string;
}

/** The values given as flags, each checked; a bad one is a usage error naming its flag. */
export function readNewFlags(
  options: NewOptions,
  slugArgument: string | undefined,
  timezone: string,
): Partial<NewPostInput> {
  const fail = (flag: string, problem: Problem) =>
    new UsageError((m) => m.cli.flagProblem(`--${flag}`, m.problem(problem)));
  const line = (flag: string, value: string | undefined, test: (v: string) => Problem | undefined = oneLineProblem) => {
    if (value === undefined) return undefined;
    const problem = test(value);
    if (problem) throw fail(flag, problem);
    return value.trim();
  };
  const known: Partial<NewPostInput> = {};
  const set = <K extends keyof NewPostInput>(key: K, value: NewPostInput[K] | undefined) => {
    if (value !== undefined) known[key] = value;
  };
  set(
    'title',
    line('title', options.title, (v) => (v.trim() ? oneLineProblem(v) : { id: 'required' })),
  );
  set('event', line('event', options.event));
  set(
    'eventUrl',
    line('event-url', options.eventUrl, (v) => (v.trim() ? urlProblem(v.trim()) : undefined)),
  );
  set(
    'hashtag',
    options.hashtag === undefined
      ? undefined
      : normalizeHashtag(line('hashtag', options.hashtag, (v) => hashtagProblem(normalizeHashtag(v)))!),
  );
  set('description', line('description', options.description));
  set('author', line('author', options.author));
  if (options.categories !== undefined) set('categories', splitList(line('categories', options.categories)!));
  if (options.tags !== undefined) set('tags', splitList(line('tags', options.tags)!));
  if (slugArgument !== undefined && options.slug !== undefined && slugArgument !== options.slug) {
    throw new UsageError((m) => m.input.slugTwice(slugArgument, options.slug!));
  }
  set(
    'slug',
    line('slug', slugArgument ?? options.slug, (v) => slugProblem(v.trim())),
  );
  if (options.date !== undefined) {
    const parsed = parsePostDate(options.date, timezone);
    if ('problem' in parsed) throw fail('date', parsed.problem);
    known.date = parsed;
  }
  if (options.draft !== undefined) known.draft = options.draft;
  return known;
}

export async function newCommand(slugArgument: string | undefined, options: NewOptions, deps: Deps): Promise<number> {
  const site = await loadSite(deps, options.cwd);
  const m = MESSAGES[site.language];
  const timezone = resolveTimezone(site, deps.env);
  const known = readNewFlags(options, slugArgument, timezone);
  const defaultDate = currentPostDate(deps.now(), timezone);
  const show = (file: string) => displayPath(deps.cwd, file);
  const slugTaken = async (slug: string, date = defaultDate): Promise<Problem | undefined> => {
    const file = planPaths(site, slug, date).postFile;
    return !options.force && (await exists(deps.fs, file)) ? { id: 'exists', value: show(file) } : undefined;
  };
  const { suggested, talks } = options.fromUrl
    ? await readEventPage(options.fromUrl, deps, site, timezone)
    : { suggested: {}, talks: [] };
  const interactive = deps.interactive && !options.yes;
  let input: NewPostInput & { overwrite?: boolean };
  const prompter = interactive ? await deps.prompts() : undefined;
  // Loaded only when asking: what the prompts need costs start-up that --yes runs should not pay.
  const asking = prompter ? await import('../prompts/new-post.js') : undefined;
  if (prompter && asking) {
    const { siteSpelling, siteTermCounts } = await import('../site/terms.js');
    const terms = await siteTermCounts(deps, site, ['categories', 'tags']);
    input = await asking.askNewPost(prompter, known, {
      messages: m,
      language: site.language,
      timezone,
      defaultDate,
      defaults: { categories: site.new.categories, tags: site.new.tags, draft: site.new.draft, author: site.author },
      terms,
      spellingOf: (taxonomy, term) => siteSpelling(term, taxonomy, site, terms[taxonomy] ?? []),
      slugTaken,
      suggested,
    });
  } else {
    // Flags win; then what the event page said; then the defaults.
    const title = known.title ?? suggested.title;
    if (title === undefined) {
      throw new UsageError((m) => m.cli.required('--title', deps.interactive, '【DeNA.go #3】Go の話を聞いてきた'));
    }
    const event = known.event ?? suggested.event ?? '';
    const date = known.date ?? suggested.date ?? defaultDate;
    input = {
      title,
      event,
      eventUrl: known.eventUrl ?? suggested.eventUrl ?? '',
      hashtag: known.hashtag ?? suggested.hashtag ?? '',
      description: known.description ?? suggested.description ?? '',
      author: known.author ?? site.author,
      date,
      categories: known.categories ?? site.new.categories,
      tags: known.tags ?? site.new.tags,
      slug: known.slug ?? slugDefault(event, title, date),
      draft: known.draft ?? site.new.draft,
    };
    await writeSiteSpellings(deps, site, input, m);
  }
  const paths = planPaths(site, input.slug, input.date);
  // By real path: the post inside the content folder, the photos inside the static folder (or the bundle), both inside
  // the site.
  const contentRoot = path.join(site.root, site.contentDir);
  for (const [root, file] of [
    [site.root, paths.postFile],
    [contentRoot, paths.postFile],
    [site.root, paths.imageDir],
    [paths.bundle ? contentRoot : path.join(site.root, site.staticDir), paths.imageDir],
  ] as const) {
    await assertInside(deps.fs, root, file, show(file));
  }
  // On a terminal the writer chose to overwrite an existing post, as --force would.
  const force = Boolean(options.force || input.overwrite);
  const taken = force ? undefined : await slugTaken(input.slug, input.date);
  if (taken) throw new UsageError((m) => m.problem(taken));
  const template = await loadTemplate(deps.fs, site, 'post', site.language);
  const content = renderNewPost(input, site, paths, template, m.eventPage);
  const gitkeep = paths.bundle ? undefined : path.join(paths.imageDir, '.gitkeep');

  if (prompter && asking) {
    deps.stderr.write(`\n${asking.summarize(input, show(paths.postFile), m)}\n`);
    if (
      !options.dryRun &&
      !(await prompter.confirm({ message: m.confirmWrite(show(paths.postFile)), default: true }))
    ) {
      deps.stderr.write(`${m.notWritten}\n`);
      return 0;
    }
  }
  // The event's talks are chosen and checked before anything is written: the post is created with them, whole.
  const sessions = await chooseTalks(talks, prompter, m);
  const { appendSessions } = sessions.length ? await import('./add-session.js') : { appendSessions: undefined };
  const full = appendSessions ? await appendSessions(deps, site, content, sessions) : content;
  if (options.dryRun) {
    deps.stdout.write(full);
    deps.stderr.write(`${m.wouldCreate(show(paths.postFile))}\n`);
    if (gitkeep) deps.stderr.write(`${m.wouldCreate(show(gitkeep))}\n`);
    return 0;
  }
  await writeNewPost(deps, paths.postFile, full, gitkeep, force, show);
  // The report being written from now on: add-session and add-qa without a post go there.
  await (await import('../site/current-report.js')).rememberReport(deps, site, paths.postFile);
  deps.stdout.write(`${show(paths.postFile)}\n`);
  deps.stderr.write(`${m.created(show(paths.postFile))}\n`);
  for (const [i, session] of sessions.entries())
    deps.stderr.write(`${m.addedSession(i + 1, session.title, show(paths.postFile))}\n`);
  deps.stderr.write(
    `${paths.bundle ? m.photosBeside(show(paths.imageDir)) : m.photosIn(show(paths.imageDir), paths.imageUrl)}\n`,
  );
  if (sessions.length) return 0;
  if (prompter && (await prompter.confirm({ message: m.askAddSession, default: false }))) {
    const { addSessionCommand } = await import('./add-session.js');
    return addSessionCommand(paths.postFile, { printPath: false }, deps, prompter);
  }
  deps.stderr.write(`${m.nextSession(show(paths.postFile))}\n${m.nextLint(show(paths.postFile))}\n`);
  if (input.draft) deps.stderr.write(`${m.previewDraft}\n`);
  return 0;
}

/**
 * Terms given as flags (or by default) are written as the site writes them: an alias as its target,
 * `GO` as the `Go` the posts use; each change is said. On a terminal the prompts offer the choice instead.
 */
async function writeSiteSpellings(deps: Deps, site: SiteConfig, input: NewPostInput, m: Messages): Promise<void> {
  if (input.categories.length === 0 && input.tags.length === 0) return;
  const { siteSpelling, siteTermCounts } = await import('../site/terms.js');
  const terms = await siteTermCounts(deps, site, ['categories', 'tags']);
  for (const taxonomy of ['categories', 'tags'] as const) {
    input[taxonomy] = [
      ...new Set(
        input[taxonomy].map((term) => {
          const preferred = siteSpelling(term, taxonomy, site, terms[taxonomy] ?? []);
          if (!preferred) return term;
          deps.stderr.write(
            `${m.wroteSpelling(m.fields[taxonomy], term, preferred.term, m.spellingSource(preferred.source))}\n`,
          );
          return preferred.term;
        }),
      ),
    ];
  }
}

/** Folders, then the image folder's .gitkeep, then the post; on any failure what was created is removed again. */
async function writeNewPost(
  deps: Deps,
  postFile: string,
  content: string,
  gitkeep: string | undefined,
  force: boolean,
  show: (file: string) => string,
): Promise<void> {
  const createdDirs: string[] = [];
  let createdGitkeep = false;
  try {
    createdDirs.push(...(await makeDirs(deps.fs, path.dirname(postFile))));
    if (gitkeep) {
      createdDirs.unshift(...(await makeDirs(deps.fs, path.dirname(gitkeep))));
      if (!(await exists(deps.fs, gitkeep))) {
        await createFile(deps.fs, gitkeep, '', show(gitkeep));
        createdGitkeep = true;
      }
    }
    if (force && (await exists(deps.fs, postFile)))
      await writeFileAtomic(deps.fs, postFile, content, { display: show(postFile) });
    else await createFile(deps.fs, postFile, content, show(postFile));
  } catch (error) {
    if (createdGitkeep && gitkeep) await deps.fs.unlink(gitkeep).catch(() => undefined);
    await removeCreated(deps.fs, createdDirs);
    throw error;
  }
}

/** Reads the event page (or the connpass API) for what it can suggest; what fails is said, and the writer goes on. */
async function readEventPage(
  url: string,
  deps: Deps,
  site: SiteConfig,
  timezone: string,
): Promise<{ suggested: Partial<NewPostInput>; talks: EventTalk[] }> {
  const problem = urlProblem(url);
  if (problem) throw new UsageError((m) => m.cli.flagProblem('--from-url', m.problem(problem)));
  const m = MESSAGES[site.language];
  deps.stderr.write(`${m.readingEvent(url)}\n`);
  const { readEvent } = await import('../event/read.js');
  const { suggestionsFrom, talksFrom } = await import('../event/suggest.js');
  const { info, problems } = await readEvent(url, deps.env);
  for (const problem of problems) deps.stderr.write(`${m.eventProblem(problem(m))}\n`);
  // The page could not be read: the URL the writer gave is still the event's link.
  if (!info) return { suggested: { eventUrl: url }, talks: [] };
  const { talks, dropped, max } = talksFrom(info);
  deps.stderr.write(`${m.eventRead(info.name ?? url, info.source, talks.length)}\n`);
  if (dropped) deps.stderr.write(`${m.eventProblem(m.talksDropped(dropped, max))}\n`);
  return { suggested: suggestionsFrom(info, url, timezone), talks };
}

/** The talks the event lists become sessions: each offered on a terminal, all of them with --yes. */
async function chooseTalks(talks: EventTalk[], prompter: Prompter | undefined, m: Messages): Promise<Session[]> {
  const sessions: Session[] = [];
  if (talks.length === 0) return sessions;
  const { sessionProblems } = await import('../post/session.js');
  for (const talk of talks) {
    if (prompter && !(await prompter.confirm({ message: m.askAddTalk(talk.title, talk.speaker), default: true })))
      continue;
    const session: Session = {
      title: talk.title,
      speakers: talk.speaker ? [{ name: talk.speaker, affiliation: '' }] : [],
      slides: talk.slides ?? '',
      video: '',
      qa: [],
    };
    // Cleaned by talksFrom already; a talk that still would not pass as typed is left out, not half-written.
    if (sessionProblems(session).length === 0) sessions.push(session);
  }
  return sessions;
}
