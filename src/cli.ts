import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { Command as CommandType } from 'commander';
import type { Language } from './config/types.js';
import type { Deps } from './deps.js';
import type { Messages } from './i18n/messages.js';
import { EXIT_FATAL, MeetupNoteError, exitCodeFor, formatError } from './errors.js';
import { packageVersion } from './version.js';

const require = createRequire(import.meta.url);

type Command = CommandType;

interface OptionSpec {
  long: string;
  short?: string;
  /** The value's name (`<dir>`); none for a switch. */
  value?: string;
  description: string;
  default?: string;
}

const COMMON_OPTIONS: OptionSpec[] = [
  { long: 'cwd', short: 'C', value: 'dir', description: 'run as if started in <dir> (the site, or a folder in it)' },
  { long: 'no-color', description: 'no colours in the output (also NO_COLOR=1)' },
];

/** lint's options in one table: commander shows them in --help, and the fast path reads them with util.parseArgs. */
const LINT_OPTIONS: OptionSpec[] = [
  {
    long: 'format',
    short: 'f',
    value: 'name',
    description: 'stylish (default), json (ESLint), github (annotations) or sarif',
    default: 'stylish',
  },
  { long: 'output-file', short: 'o', value: 'file', description: 'write the report to a file instead of stdout' },
  { long: 'quiet', description: 'report errors only' },
  { long: 'max-warnings', value: 'n', description: 'exit 1 when there are more warnings than this' },
  { long: 'fix', description: 'apply the fixes that are certain, then check again' },
  { long: 'fix-dry-run', description: 'show what --fix would change, change nothing' },
  { long: 'no-cache', description: 'read every post and photo instead of the caches (lint, terms, photos)' },
];

function addOptions(command: Command, specs: OptionSpec[]): Command {
  for (const spec of specs) {
    const flags = `${spec.short ? `-${spec.short}, ` : ''}--${spec.long}${spec.value ? ` <${spec.value}>` : ''}`;
    if (spec.default === undefined) command.option(flags, spec.description);
    else command.option(flags, spec.description, spec.default);
  }
  return command;
}

/** Options every command takes. */
function common(command: Command): Command {
  return addOptions(command, COMMON_OPTIONS);
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `lint` runs on every commit: its arguments are read with Node's own util.parseArgs from the same
 * table, without loading commander. Anything it does not take (help, a bad flag) goes to commander,
 * which answers as for every other command.
 */
function parseLintArguments(args: string[]): { paths: string[]; options: Record<string, unknown> } | undefined {
  if (args.some((arg) => arg === '-h' || arg === '--help')) return undefined;
  const specs = [...COMMON_OPTIONS, ...LINT_OPTIONS];
  const config = Object.fromEntries(
    specs.map((spec) => [
      spec.long,
      spec.short
        ? { type: spec.value ? 'string' : 'boolean', short: spec.short }
        : { type: spec.value ? 'string' : 'boolean' },
    ]),
  ) as Record<string, { type: 'string' | 'boolean'; short?: string }>;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true });
  } catch {
    return undefined;
  }
  const options: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = parsed.values[spec.long];
    if (spec.long.startsWith('no-')) options[camel(spec.long.slice(3))] = value !== true;
    else if (value !== undefined) options[camel(spec.long)] = value;
    else if (spec.default !== undefined) options[camel(spec.long)] = spec.default;
  }
  return { paths: parsed.positionals, options };
}

/** Collects a repeatable option: `--speaker a --speaker b` -> ['a', 'b']. */
function repeated(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The Q&A flags that add-session and add-qa share. */
function qaOptions(command: Command): Command {
  return command
    .option('--question <text>', 'a question asked after the talk (repeat)', repeated)
    .option('--answer <text>', 'its answer (repeat; paired with --question in order)', repeated)
    .option('--asker <name>', 'who asked (repeat, one per --question; "" for none)', repeated);
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Each command's definition; only the one being run is defined (start-up), all of them for --help. */
const COMMANDS: Record<string, (program: Command, deps: Deps, setExit: (code: number) => void) => void> = {
  new: (program, deps, setExit) => {
    common(
      program
        .command('new')
        .argument('[slug]', 'the slug (file name) of the post; default: from the event name, else the date')
        .description(
          'scaffold a meetup report: a post with TOML front matter, the event header and a folder for photos',
        ),
    )
      .option('--title <text>', 'the title of the post (required without a terminal)')
      .option('--event <name>', 'the event name, e.g. "DeNA.go #3"')
      .option('--event-url <url>', 'the event page (connpass, Doorkeeper, ...)')
      .option('--hashtag <tag>', 'the event hashtag, with or without #')
      .option(
        '--date <date>',
        'YYYY-MM-DD, "YYYY-MM-DD HH:mm" (in the configured time zone) or an ISO date-time with offset',
      )
      .option('--description <text>', 'the description in front matter')
      .option('--categories <list>', 'comma-separated categories, e.g. 勉強会,Go')
      .option('--tags <list>', 'comma-separated tags')
      .option('--slug <slug>', 'the slug, as the [slug] argument')
      .option('--author <name>', 'the author (default: author in meetup-note.toml)')
      .option('--draft', 'save as a draft (default: new.draft, true)')
      .option('--no-draft', 'publish right away (draft = false)')
      .option('-y, --yes', 'ask nothing: take flags and defaults')
      .option('--dry-run', 'print the post to stdout and write nothing')
      .option('--force', 'overwrite a post that exists')
      .option(
        '--from-url <url>',
        'start from the event page: JSON-LD Event, OpenGraph, connpass (API with CONNPASS_API_KEY)',
      )
      .addHelpText(
        'after',
        examples([
          'meetup-note new',
          'meetup-note new denago_3 --title "【DeNA.go #3】Go活用事例の話を聞いてきた" --event "DeNA.go #3" \\\n      --event-url ' +
            'https://dena.connpass.com/event/150676/ --hashtag DeNAgo --date "2019-11-01 19:00" --categories 勉強会,Go ' +
            '--yes',
          'meetup-note new --title "Rust.Tokyo 2026" --dry-run --yes -C examples/site',
          'meetup-note new --from-url https://dena.connpass.com/event/150676/',
        ]),
      )
      .action(async (slug: string | undefined, options) => {
        const { newCommand } = await import('./commands/new.js');
        setExit(await newCommand(slug, options, deps));
      });
  },
  'add-session': (program, deps, setExit) => {
    qaOptions(
      common(
        program
          .command('add-session')
          .argument(
            '[post]',
            'the post (default: the report being written: the one `new` created last, else the newest draft; asked ' +
              'on a terminal)',
          )
          .description('append a numbered talk (title, speakers, slides, video, Q&A) to a report'),
      )
        .option('--title <text>', 'the talk title (required without a terminal)')
        .option('--speaker <name>', 'a speaker, name or @handle (repeat for several)', repeated)
        .option('--affiliation <text>', "a speaker's affiliation (repeat; paired with --speaker in order)", repeated)
        .option('--slides <url>', 'the slides (http/https)')
        .option('--video <url>', 'the video (http/https)'),
    )
      .option('--from <file>', 'read the talk from a TOML or JSON file, or - for stdin')
      .option('-y, --yes', 'ask nothing: take flags and defaults')
      .option('--dry-run', 'print the section to stdout and write nothing')
      .addHelpText(
        'after',
        examples([
          'meetup-note add-session',
          'meetup-note add-session content/blog/denago_3.md --title "WebシステムのパフォーマンスとGo" \\\n      --speaker ' +
            '@karupanerura --affiliation "ゲーム事業部" --slides ' +
            'https://speakerdeck.com/karupanerura/websisutemufalsehahuomansutogo',
          'meetup-note add-session --from talk.toml --yes',
        ]),
      )
      .action(async (post: string | undefined, options) => {
        const { addSessionCommand } = await import('./commands/add-session.js');
        setExit(await addSessionCommand(post, options, deps));
      });
  },
  'add-qa': (program, deps, setExit) => {
    qaOptions(
      common(
        program
          .command('add-qa')
          .argument(
            '[post]',
            'the post (default: the report being written: the one `new` created last, else the newest draft; asked ' +
              'on a terminal)',
          )
          .description("add Q&A pairs to a talk of a report: into its Q&A block, or a new one at the talk's end"),
      ).option('--session <n>', 'the number of the talk (default: the last one; asked on a terminal)'),
    )
      .option('-y, --yes', 'ask nothing: take flags')
      .option('--dry-run', 'print the Q&A to stdout and write nothing')
      .addHelpText(
        'after',
        examples([
          'meetup-note add-qa',
          'meetup-note add-qa content/blog/denago_3.md --session 2 --question "SetMaxOpenConnsの数は？" --answer ' +
            '"可視化して決める"',
        ]),
      )
      .action(async (post: string | undefined, options) => {
        const { addQaCommand } = await import('./commands/add-session.js');
        setExit(await addQaCommand(post, options, deps));
      });
  },
  lint: (program, deps, setExit) => {
    const lint = program
      .command('lint')
      .argument('[paths...]', 'posts, folders or globs (default: every post of the site); other files are skipped')
      .description('check posts: front matter, images (missing, case, untracked, localhost, self URLs, alt) and tags');
    addOptions(common(lint), LINT_OPTIONS)
      .addHelpText(
        'after',
        examples([
          'meetup-note lint',
          'meetup-note lint content/blog/denago_3.md',
          'meetup-note lint "content/**/*.md" --format json',
          'meetup-note lint --fix',
          'meetup-note lint --format github --max-warnings 0',
        ]),
      )
      .action(async (paths: string[], options) => {
        const { lintCommand } = await import('./commands/lint.js');
        setExit(await lintCommand(paths, options, deps));
      });
  },
  images: (program, deps, setExit) => {
    const images = program
      .command('images')
      .description('bring phone photos into the report: upright, resized, without location or camera data');
    common(
      images
        .command('add')
        .argument('<files...>', 'the photos (JPEG, PNG, WebP, HEIC, TIFF)')
        .description(
          "copy photos into the post's image folder (new.imageDir, or the page bundle), each upright, at most " +
            '[images] maxWidth wide, in [images] format, without metadata (EXIF, GPS, XMP), named in lower case; ' +
            'print the references to paste, or add them to a talk with --session',
        ),
    )
      .option('--post <post>', 'the post (default: the report being written; asked on a terminal)')
      .option('--session <n>', "add the references at the end of talk n's text, before its Q&A")
      .option('-y, --yes', 'ask nothing (no alt text: decorative)')
      .option('--dry-run', 'convert and print, write nothing')
      .addHelpText(
        'after',
        examples([
          'meetup-note images add ~/Downloads/IMG_0042.HEIC',
          'meetup-note images add photos/*.JPG --session 2',
        ]),
      )
      .action(async (files: string[], options) => {
        const { imagesAddCommand } = await import('./commands/images.js');
        setExit(await imagesAddCommand(files, options, deps));
      });
    common(
      images
        .command('convert')
        .argument('[post]', 'the post (default: the report being written; asked on a terminal)')
        .description(
          'make the JPEG, PNG, HEIC and TIFF photos a post already shows fit the way images add does, and rewrite ' +
            'every reference to them (Markdown, <img>, srcset, figure, front matter); the originals are removed',
        ),
    )
      .option('--keep', 'keep the original files')
      .option('--all-posts', 'also rewrite the other posts that show the same photos (else they stop the run)')
      .option('-y, --yes', 'ask nothing')
      .option('--dry-run', 'convert and print, write nothing')
      .addHelpText(
        'after',
        examples(['meetup-note images convert', 'meetup-note images convert content/posts/denago_3.md --keep']),
      )
      .action(async (post: string | undefined, options) => {
        const { imagesConvertCommand } = await import('./commands/images-convert.js');
        setExit(await imagesConvertCommand(post, options, deps));
      });
  },
  tags: (program, deps, setExit) => {
    const tags = program
      .command('tags')
      .description("see the site's terms with their posts and spellings; on a terminal, unify the spellings");
    const list = common(
      tags
        .command('list', { isDefault: true })
        .description('every term of each taxonomy, most used first (the default)'),
    )
      .option('--taxonomy <name>', 'one taxonomy only (tags, categories, ...)')
      .option('--format <name>', 'text (default) or json', 'text')
      .option('-y, --yes', 'report only: ask nothing, even on a terminal')
      .option('--no-cache', "read every post's terms instead of the term cache")
      .addHelpText('after', examples(['meetup-note tags', 'meetup-note tags --taxonomy tags --format json']));
    // `tags --help` shows the default subcommand's options too: they are the ones `meetup-note tags` takes.
    tags.addHelpText(
      'after',
      () => `\n${list.helpInformation().replace(/^Usage: meetup-note tags list/, 'Usage: meetup-note tags [list]')}`,
    );
    list.action(async (options) => {
      const { tagsCommand } = await import('./commands/tags.js');
      setExit(await tagsCommand(options, deps));
    });
    common(
      tags
        .command('rename')
        .argument('<from>', 'the term as written now')
        .argument('<to>', 'the term to write instead')
        .description('rewrite a term in every post that has it (merging where the post has <to> already)'),
    )
      .option('--taxonomy <name>', 'only in this taxonomy (default: all of them)')
      .option(
        '--alias',
        'also record <from> = "<to>" under [aliases] in meetup-note.toml, so lint flags <from> from now on',
      )
      .option('--dry-run', 'print the posts that would change, change nothing')
      .addHelpText(
        'after',
        examples([
          'meetup-note tags rename golang Go --alias',
          'meetup-note tags rename "HTML & CSS" HTML/CSS --taxonomy tags --dry-run',
        ]),
      )
      .action(async (from: string, to: string, options) => {
        const { renameCommand } = await import('./commands/tags.js');
        setExit(await renameCommand(from, to, options, deps));
      });
  },
  init: (program, deps, setExit) => {
    common(
      program
        .command('init')
        .description('write a commented meetup-note.toml, pre-filled from the Hugo config (never overwrites one)'),
    )
      .option('--here', 'write it in this folder even when no Hugo config is found here or above')
      .addHelpText(
        'after',
        examples(['meetup-note init', 'meetup-note init -C path/to/site', 'meetup-note init --here']),
      )
      .action(async (options) => {
        const { initCommand } = await import('./commands/init.js');
        setExit(await initCommand(options, deps));
      });
  },
};

function buildProgram(deps: Deps, setExit: (code: number) => void, only?: string): Command {
  // require, not import: Node 20 loads commander's CommonJS about twice as fast this way.
  const { Command } = require('commander') as typeof import('commander');
  const program = new Command('meetup-note')
    .description('Write and lint reports of tech meetups and study sessions (勉強会) on Hugo and Zola blogs.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', GLOBAL_HELP)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
      // Its usage errors are said by `run`, in the site's language (see `commanderMessage`).
      outputError: () => undefined,
    });
  program.addHelpCommand(false);

  const wanted = only && COMMANDS[only] ? [only] : Object.keys(COMMANDS);
  for (const name of wanted) COMMANDS[name]!(program, deps, setExit);
  return program;
}

const GLOBAL_HELP = `
Global options (before or after the command):
  -C, --cwd <dir>  run as if started in <dir> (the site, or a folder in it)
  --no-color       no colours in the output (also NO_COLOR=1)
`;

/**
 * Global options may come before the command (`meetup-note -C site lint`): they are moved to just
 * after it (after `tags`'s subcommand too), where each command takes them. `help <command>` is
 * `<command> --help`.
 */
export function normalizeArguments(args: string[]): string[] {
  const globals: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if ((arg === '-C' || arg === '--cwd') && i + 1 < args.length) globals.push(arg, args[++i]!);
    else if (arg.startsWith('--cwd=') || /^-C./.test(arg) || arg === '--no-color') globals.push(arg);
    else break;
  }
  const rest = args.slice(i);
  if (rest[0] === 'help' && rest[1] && COMMANDS[rest[1]]) return [rest[1], '--help'];
  if (globals.length === 0 || rest.length === 0 || !COMMANDS[rest[0]!]) return [...rest, ...globals];
  const at =
    (rest[0] === 'tags' && (rest[1] === 'list' || rest[1] === 'rename')) ||
    (rest[0] === 'images' && (rest[1] === 'add' || rest[1] === 'convert'))
      ? 2
      : 1;
  return [...rest.slice(0, at), ...globals, ...rest.slice(at)];
}

/** The command whose help a usage error points to: `images add `, `tags rename `, `lint `, or none. */
function helpTopic(args: string[]): string {
  if (!COMMANDS[args[0] ?? '']) return '';
  const sub = args[1] && ['add', 'convert', 'list', 'rename'].includes(args[1]) ? `${args[1]} ` : '';
  return `${args[0]} ${sub}`;
}

type CommanderError = Error & { exitCode: number; code: string };

/** The site's language (the site of -C, else of the working folder); the locale's when there is no site to read. */
async function languageForErrors(deps: Deps, args: string[]): Promise<Language> {
  const { loadSite, localeLanguage } = await import('./config/load.js');
  const at = args.findIndex((arg) => arg === '-C' || arg === '--cwd');
  const inline = args.find((arg) => arg.startsWith('--cwd=') || /^-C./.test(arg));
  const cwd = at >= 0 ? args[at + 1] : inline?.replace(/^--cwd=|^-C/, '');
  try {
    return (await loadSite(deps, cwd)).language;
  } catch {
    return localeLanguage(deps.env);
  }
}

/** Commander's usage error in the catalog's words: its message is read for the names it holds. */
function commanderMessage(error: CommanderError, m: Messages): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((match) => match[1]!);
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(error.message)?.[1];
  const hint = suggestion ? m.cli.didYouMean(suggestion) : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return m.cli.unknownOption(quoted[0] ?? '') + hint;
    case 'commander.unknownCommand':
      return m.cli.unknownCommand(quoted[0] ?? '', suggestion ?? '');
    case 'commander.missingArgument':
      return m.cli.missingArgument(quoted[0] ?? '');
    case 'commander.optionMissingArgument':
      return m.cli.optionMissingArgument(quoted[0] ?? '');
    case 'commander.excessArguments': {
      const [expected, got] = [...error.message.matchAll(/(\d+)/g)].map((match) => Number(match[1]));
      return m.cli.tooManyArguments(quoted[0] ?? '', expected ?? 0, got ?? 0);
    }
    default:
      return error.message.replace(/^error: /, '');
  }
}

/** Runs the CLI on argv (as process.argv: node, script, ...args) and returns the exit code. */
export async function run(argv: string[], deps: Deps): Promise<number> {
  const args = normalizeArguments(argv.slice(2));
  argv = [...argv.slice(0, 2), ...args];
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // Answered before the argument parser loads: scripts and editors ask this often.
    deps.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  try {
    const lint = args[0] === 'lint' ? parseLintArguments(args.slice(1)) : undefined;
    if (lint) {
      const { lintCommand } = await import('./commands/lint.js');
      return await lintCommand(lint.paths, lint.options, deps);
    }
    let exitCode = 0;
    const program = buildProgram(
      deps,
      (code) => {
        exitCode = code;
      },
      args[0],
    );
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    const commander = error instanceof Error && error.name === 'CommanderError' ? (error as CommanderError) : undefined;
    // Help and version end with exit code 0.
    if (commander?.exitCode === 0) return 0;
    const { MESSAGES } = await import('./i18n/messages.js');
    const m = MESSAGES[await languageForErrors(deps, args)];
    if (commander) {
      deps.stderr.write(`meetup-note: ${commanderMessage(commander, m)}\n${m.cli.seeHelp(helpTopic(args))}\n`);
      return EXIT_FATAL;
    }
    deps.stderr.write(`meetup-note: ${formatError(error, m)}\n`);
    if (!(error instanceof MeetupNoteError) && error instanceof Error && deps.env.MEETUP_NOTE_DEBUG)
      deps.stderr.write(`${error.stack}\n`);
    if (!(error instanceof MeetupNoteError)) deps.stderr.write(`${m.cli.bug}\n`);
    return exitCodeFor(error);
  }
}
