import type { Language } from '../config/types.js';
import { useEnglishCatalog } from '../errors.js';
import { withHonorific } from './honorific.js';
import type { Problem, Wording } from './problems.js';
import type { FrontMatterSyntax } from '../post/model.js';
import type { MonthLength } from '../post/hugo-date.js';
import type { SpellingSource } from '../site/terms.js';

/**
 * The one catalog of what meetup-note prints: every message, by id, in English and Japanese (the
 * Japanese object has the English one's type, so a missing id does not compile, and
 * test/i18n/messages.test.ts fails when a Japanese message is left in English). Code picks a
 * message as `m.section.id(args)`; errors carry such a choice (`Say`) and are worded when printed.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const COMMAND_NAMES = 'new, add-session, add-qa, images, lint, tags, init';

const PICKED_EN = {
  new: 'the report meetup-note new created last',
  draft: 'the newest draft',
  changed: 'the post changed last',
};

const PICKED_JA: typeof PICKED_EN = {
  new: 'meetup-note new で最後に作った記事',
  draft: 'いちばん新しい下書き',
  changed: '最後に更新された記事',
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What an errno means to a writer, for the file problems below. */
const ERRNO_EN: Record<string, string> = {
  ENOENT: 'it does not exist (a dangling symbolic link?)',
  ELOOP: 'its symbolic links form a loop',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EIO: 'the disk reported an input/output error',
  EFBIG: 'the file is too large for the file system',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
};
const ERRNO_JA: Record<string, string> = {
  ENOENT: 'ファイルがありません（リンク切れのシンボリックリンク？）',
  ELOOP: 'シンボリックリンクがループしています',
  EACCES: 'アクセス権がありません',
  EPERM: '操作が許可されていません',
  EISDIR: 'フォルダです',
  ENOSPC: 'ディスクがいっぱいです',
  EDQUOT: 'ディスクのクォータを使い切りました',
  EROFS: '読み取り専用のファイルシステムです',
  EIO: 'ディスクの入出力エラーです',
  EFBIG: 'ファイルシステムにとって大きすぎます',
  EMFILE: '開いているファイルが多すぎます',
  ENAMETOOLONG: '名前が長すぎます',
};

const errno = (table: Record<string, string>, code: string) => (table[code] ? `${table[code]} (${code})` : code);

const PROBLEMS_EN: Wording = {
  required: () => 'a value is required',
  lineBreak: () => 'contains a line break; it must be one line of text',
  control: (p) => `contains a control character (${p.code}); it must be plain text`,
  surrogate: () => 'contains a broken character (a lone UTF-16 surrogate)',
  notUrl: (p) => `"${p.value}" is not a URL; use an http:// or https:// address`,
  notHttp: (p) => `"${p.value}" is not an http(s) URL; only http:// and https:// links are written`,
  hashtagSpace: (p) => `"${p.value}" has a space; a hashtag is one word`,
  slugEmpty: () => 'the slug is empty',
  slugChars: (p) =>
    `"${p.value}" cannot be a slug: use letters of any script (Hugo serves Unicode paths), digits, "-" and "_" (no ` +
    `"/", ".", spaces), starting with a letter or digit`,
  slugLong: () => 'the slug is longer than 100 characters',
  dateFormat: (p) =>
    `"${p.value}" is not a date; use YYYY-MM-DD, "YYYY-MM-DD HH:mm" or an ISO date-time such as ` +
    `2019-11-01T19:00:00+09:00`,
  dateCalendar: (p) => `${p.value} is not a day of the calendar`,
  timeOfDay: (p) => `${p.value} is not a time of day`,
  offset: (p) => `${p.value} is not a UTC offset`,
  exists: (p) => `${p.value} already exists; choose another slug, or pass --force to overwrite it`,
  binary: () => 'this is a binary file, not a Markdown post; remove it from the content folder or rename it',
  notUtf8: (p) =>
    `this file is not UTF-8${p.guess ? ` (it looks like ${p.guess})` : ''}; Hugo reads posts as UTF-8 and ` +
    `meetup-note left it unchanged.` +
    (p.command ? ` Convert it: ${p.command}` : ' Save it as UTF-8'),
  unreadable: (p) => `cannot be read: ${errno(ERRNO_EN, p.code)}`,
  notAFile: () => 'is not a regular file',
  tooLarge: (p) =>
    `is ${Math.round(p.size / 1048576)} MiB, more than the ${Math.round(p.limit / 1048576)} MiB meetup-note reads; ` +
    `left alone`,
  outsideSite: (p) =>
    `leads outside the site through a symbolic link (to ${p.real}); meetup-note reads and writes only inside the ` +
    `site, so it left this file alone`,
  notInContent: (p) => `is not a post of this site: meetup-note edits only Markdown posts under ${p.dirs}`,
  notPost: () => 'is not a Markdown post (.md, .markdown)',
  tooDeep: (p) =>
    `the front matter nests lists or tables more than ${p.limit} levels deep; meetup-note does not read it`,
  writeFailed: (p) =>
    `could not be written: ${p.code === 'ENOENT' ? 'its folder does not exist (ENOENT)' : errno(ERRNO_EN, p.code)}; ` +
    `the file is as it was`,
  locked: (p) =>
    `another meetup-note is writing this post and did not finish in time; try again (if none is running, remove ` +
    `${p.lock})`,
  changed: () =>
    'the file changed on disk while meetup-note was working on it; nothing was written. Run the command again on the ' +
    'saved file',
};

const PROBLEMS_JA: Wording = {
  required: () => '入力してください',
  lineBreak: () => '改行が含まれています。1行で入力してください',
  control: (p) => `制御文字 (${p.code}) が含まれています。通常の文字だけで入力してください`,
  surrogate: () => '壊れた文字（対になっていないサロゲート）が含まれています',
  notUrl: (p) => `「${p.value}」はURLではありません。http:// または https:// で始まるアドレスを入力してください`,
  notHttp: (p) => `「${p.value}」は http(s) のURLではありません。http:// と https:// のリンクだけを書き込みます`,
  hashtagSpace: (p) => `「${p.value}」に空白があります。ハッシュタグは1語です`,
  slugEmpty: () => 'スラッグが空です',
  slugChars: (p) =>
    `「${p.value}」はスラッグに使えません。文字（日本語も可。Hugo は日本語のパスもそのまま公開します）・数字・「-」・「_」だけを使い（「/」「.」空白は不可）、文字か数字で始めてください`,
  slugLong: () => 'スラッグが100文字を超えています',
  dateFormat: (p) =>
    `「${p.value}」は日付ではありません。YYYY-MM-DD、「YYYY-MM-DD HH:mm」または 2019-11-01T19:00:00+09:00 のようなISO形式で入力してください`,
  dateCalendar: (p) => `${p.value} は存在しない日付です`,
  timeOfDay: (p) => `${p.value} は正しい時刻ではありません`,
  offset: (p) => `${p.value} は正しいUTCオフセットではありません`,
  exists: (p) => `${p.value} はすでにあります。別のスラッグにするか、上書きするなら --force を付けてください`,
  binary: () => 'Markdown の記事ではなくバイナリファイルです。content フォルダーから削除するか名前を変えてください',
  notUtf8: (p) =>
    `このファイルは UTF-8 ではありません${p.guess ? `（${p.guess} のようです）` : ''}。Hugo は記事を UTF-8 として読みます。meetup-note はファイルを変更していません。` +
    (p.command ? `変換するには: ${p.command}` : 'UTF-8 で保存し直してください'),
  unreadable: (p) => `読めません: ${errno(ERRNO_JA, p.code)}`,
  notAFile: () => '通常のファイルではありません',
  tooLarge: (p) =>
    `${Math.round(p.size / 1048576)} MiB あり、meetup-note が読む上限 ${Math.round(p.limit / 1048576)} MiB を超えています。そのままにしました`,
  outsideSite: (p) =>
    `シンボリックリンクでサイトの外（${p.real}）を指しています。meetup-note はサイトの中だけを読み書きするので、このファイルはそのままにしました`,
  notInContent: (p) =>
    `このサイトの記事ではありません。meetup-note が編集するのは ${p.dirs} の下の Markdown の記事だけです`,
  notPost: () => 'Markdown の記事（.md, .markdown）ではありません',
  tooDeep: (p) => `フロントマターのリストやテーブルの入れ子が ${p.limit} 段を超えているため読みません`,
  writeFailed: (p) =>
    `書き込めませんでした: ${p.code === 'ENOENT' ? '書き込み先のフォルダーがありません (ENOENT)' : errno(ERRNO_JA, p.code)}。ファイルは元のままです`,
  locked: (p) =>
    `別の meetup-note がこの記事に書き込み中で、時間内に終わりませんでした。もう一度実行してください（実行中のものがなければ ${p.lock} を削除してください）`,
  changed: () =>
    'meetup-note の処理中にファイルがディスク上で変更されたため、何も書き込みませんでした。保存されたファイルに対してもう一度実行してください',
};

const en = {
  eventPage: 'Event page',
  askEvent: 'Event name (e.g. DeNA.go #3)',
  askEventUrl: 'Event page URL (empty: none)',
  askHashtag: 'Hashtag (empty: none)',
  askDate: 'Date and start time (YYYY-MM-DD HH:mm)',
  askTitle: 'Title',
  askDescription: 'Description (empty: none)',
  askPickTerms: (taxonomy: string) => `${taxonomy}: pick from those the site uses (space to select, enter to go on)`,
  askNewTerms: (taxonomy: string) => `${taxonomy}: new ones, comma separated (empty: none)`,
  spellingSource: (source: SpellingSource) =>
    source.kind === 'alias'
      ? 'an alias in meetup-note.toml [aliases]'
      : source.kind === 'vocabulary'
        ? 'the vocabulary of meetup-note.toml'
        : `${plural(source.count, 'post')} spell it so`,
  wroteSpelling: (taxonomy: string, typed: string, preferred: string, why: string) =>
    `${taxonomy}: wrote "${preferred}" for "${typed}" (${why})`,
  askSpelling: (taxonomy: string, typed: string, preferred: string, why: string) =>
    `${taxonomy}: the site writes "${typed}" as "${preferred}" (${why}). Which one?`,
  useSiteSpelling: (term: string) => `${term} (the site's spelling)`,
  keepTyped: (term: string) => `${term} (as typed)`,
  askSlug: 'Slug (the file name)',
  askSlugTaken: (file: string) => `${file} exists already. What now?`,
  useSlug: (slug: string) => `Use the slug ${slug}`,
  overwriteFile: (file: string) => `Overwrite ${file}`,
  otherSlug: 'Type another slug',
  askDraft: 'Save as a draft?',
  summary: 'The post:',
  confirmWrite: (file: string) => `Write ${file}?`,
  notWritten: 'Nothing was written.',
  created: (file: string) => `Created ${file}`,
  wouldCreate: (file: string) => `Would create ${file}`,
  photosIn: (dir: string, url: string) => `Photos go in ${dir}/${url ? `; link them as ${url}photo.jpg` : ''}`,
  photosBeside: (dir: string) => `Photos go beside the post in ${dir}/; link them as photo.jpg`,
  nextSession: (file: string) => `Add a talk: meetup-note add-session ${file}`,
  nextLint: (file: string) => `Check it before you commit: meetup-note lint ${file}`,
  previewDraft: 'It is a draft: preview it with hugo server -D (drafts are not built without -D)',
  askAddSession: 'Add the first talk now?',
  readingEvent: (url: string) => `Reading the event page ${url} ...`,
  eventProblem: (text: string) => `  could not use it all: ${text}`,
  talksDropped: (count: number, max: number) =>
    `${count} ${count === 1 ? 'talk was' : 'talks were'} left out (no usable title, or more than ${max})`,
  eventRead: (name: string, source: string, talks: number) =>
    `  found "${name}" (${source}${talks ? `, ${talks} ${talks === 1 ? 'talk' : 'talks'}` : ''})`,
  askAddTalk: (title: string, speaker?: string) =>
    `Add the talk "${title}"${speaker ? ` by ${speaker}` : ''} as a session?`,
  askSessionTitle: 'Talk title',
  askSpeaker: 'Speaker (name or @handle; empty: none)',
  askAffiliation: (speaker: string) => `Affiliation of ${speaker} (empty: none)`,
  askMoreSpeakers: 'Another speaker?',
  askSlides: 'Slides URL (empty: none)',
  askVideo: 'Video URL (empty: none)',
  askAddQa: 'Add Q&A now?',
  askQuestion: 'Question (empty: done)',
  askAnswer: 'Answer (empty: none yet)',
  askAsker: 'Who asked (empty: skip)',
  askMoreQa: 'Another question?',
  pickedPost: (file: string, reason: 'new' | 'draft' | 'changed') => `Adding to ${file} (${PICKED_EN[reason]})`,
  askWhichReport: 'Which report?',
  reportReason: {
    new: 'created last by meetup-note new',
    draft: 'the newest draft',
    changed: 'changed most recently',
  } as Record<'new' | 'draft' | 'changed', string>,
  askWhichTalk: 'Which talk?',
  addedSession: (number: number, title: string, file: string) => `Added talk ${number} "${title}" to ${file}`,
  wouldAddSession: (number: number, line: number, file: string) =>
    `Would add talk ${number} at line ${line} of ${file} (--dry-run):`,
  addedQa: (count: number, number: number, file: string) =>
    `Added ${count} Q&A ${count === 1 ? 'pair' : 'pairs'} to talk ${number} of ${file}`,
  wouldAddQa: (number: number, line: number, file: string) =>
    `Would add Q&A to talk ${number} at line ${line} of ${file} (--dry-run):`,
  unsaved: 'What you entered was not saved; here it is, to paste or to run again:',
  nextQa: (file: string) => `Add questions later: meetup-note add-qa ${file}`,
  /** The program's own lines: errors, commander's usage errors. */
  cli: {
    cancelled: 'cancelled; nothing was written',
    unexpected: (message: string) => `unexpected error: ${message}`,
    bug:
      'This is a bug in meetup-note; please report it with the command you ran (MEETUP_NOTE_DEBUG=1 shows where ' +
      'it happened).',
    didYouMean: (names: string) => ` (did you mean ${names}?)`,
    unknownOption: (flag: string) => `unknown option ${flag}`,
    unknownCommand: (name: string, suggestion: string) =>
      `unknown command ` +
      `${name}${suggestion ? `; did you mean ${suggestion}?` : `; the commands are ${COMMAND_NAMES}`}`,
    missingArgument: (name: string) => `missing the argument <${name}>`,
    optionMissingArgument: (flags: string) => `${flags} needs a value`,
    tooManyArguments: (command: string, expected: number, got: number) =>
      `too many arguments${command ? ` for ${command}` : ''}: it takes ${expected}, got ${got}`,
    seeHelp: (command: string) => `See meetup-note ${command}--help`,
    noSuchDirectory: (dir: string) => `-C ${dir}: no such directory`,
    siteNotFound: (start: string) =>
      `no meetup-note.toml or Hugo config (hugo.toml, config.toml, config/_default/) in ${start} or above; run this ` +
      `inside a site, pass -C <site>, or create one with \`meetup-note init\``,
    required: (flag: string, interactive: boolean, example: string) =>
      `${flag} is required ${interactive ? 'with --yes' : 'when not run in a terminal'}, e.g. ${flag} "${example}"`,
    flagProblem: (flag: string, problem: string) => `${flag}: ${problem}`,
  },
  /** Problems of a config file, a template or a file given on the command line. */
  config: {
    syntax: (detail: string) => `${detail}; fix the syntax of this file`,
    schemaMustBe: (key: string, expected: string, actual: string) => `"${key}" must be ${expected}, not ${actual}`,
    schemaUnknownKey: (key: string, known: string) => `"${key}" unknown key; expected one of: ${known}`,
    aString: 'a string',
    oneOf: (values: string) => `one of ${values}`,
    trueOrFalse: 'true or false',
    integer: (min: number, max: number) => `a whole number from ${min} to ${max}`,
    strings: 'an array of strings',
    aTable: 'a table',
    anArray: 'an array',
    aDate: 'a date',
    aNumber: 'a number',
    aList: 'a list',
    hugoMustBe: (key: string, what: string, actual: string) => `${key} must be ${what}, not ${actual}`,
    kinds: {
      folder: 'a folder name (a string)',
      language: 'a language code (a string)',
      url: 'a URL (a string)',
      zone: 'a time zone name (a string)',
    },
    staticDir: 'staticDir must be a folder name or a list of them',
    outside: (key: string, dir: string, root: string) =>
      `${key} = "${dir}" points outside the site (${root}); use a folder inside it`,
    placeholder: (key: string, value: string, name: string) =>
      `${key} = "${value}" has an unknown placeholder {${name}}; use {slug}, {yyyy}, {mm} or {dd}`,
    relative: (key: string, value: string) =>
      `${key} = "${value}" must be a relative path without "..", inside its folder`,
    markdownExtension: (key: string, value: string) => `${key} = "${value}" must end with .md or .markdown`,
    timezone: (zone: string) => `timezone "${zone}" is not an IANA time zone; use a name such as "Asia/Tokyo" or "UTC"`,
    baseURL: (value: string) => `baseURL = "${value}" must be an absolute http(s) URL such as "https://example.dev/"`,
    unknownRule: (id: string, known: string) => `[lint.rules] names an unknown rule "${id}"; the rules are: ${known}`,
    aliasesInline: '[aliases] is written inline or with dotted keys; add the alias by hand',
    templateOutside: (real: string) => `the template links outside the site (${real}); replace the link with a file`,
    templatePartial: (name: string) => `partials ({{> ${name}}}) are not supported in templates`,
    templateName: (name: string, allowed: string) => `unknown name {{${name}}}; this template can use: ${allowed}`,
    templateSyntax: (detail: string) => `the template cannot be read: ${detail}`,
    initOutsideSite: (dir: string) =>
      `no Hugo config (hugo.toml, config.toml, config/_default/) in ${dir} or above: run init in your site, or pass ` +
      `--here to write meetup-note.toml in this folder anyway`,
    initExists: 'already exists; edit it instead (init never overwrites it)',
    initCreated: (file: string, next: string) => `Created ${file}. Next: ${next} (start a report)`,
  },
  /** What commands say about their input: flags, posts, notes. */
  input: {
    noFiles: (pattern: string) => `no files match ${pattern}`,
    noSuchPath: (pattern: string) => `${pattern}: no such file or folder`,
    noSuchPost: 'no such post; give the path of a Markdown post',
    noPosts: (dirs: string) => `no posts under ${dirs}; create one with \`meetup-note new\``,
    noFrontMatter: 'has no front matter (+++ or --- on the first line); is it a post?',
    unclosed: (delimiter: string) => `the front matter is not closed: add a line ${delimiter} after it`,
    invalid: (format: string, detail: string) => `the front matter is not valid ${format}: ${detail}`,
    exists: 'already exists; pass --force to overwrite it',
    unclosedBlock:
      'a code block (```) or HTML comment (<!--) opened here is never closed, so the new text would be hidden in it; ' +
      'close it, then run again',
    noTalks: (file: string) => `${file} has no numbered talks (# 1. ...); add one with \`meetup-note add-session\``,
    noSuchTalk: (session: string, file: string, talks: string) => `--session ${session}: ${file} has talks ${talks}`,
    qaRequired: (interactive: boolean) =>
      `--question and --answer are required ${interactive ? 'with --yes' : 'when not run in a terminal'}`,
    affiliations: (affiliations: number, speakers: number) =>
      `--affiliation is given ${affiliations} times but --speaker only ${speakers}; give one --speaker per ` +
      `--affiliation, in order`,
    answers: (questions: number, answers: number) =>
      `--question is given ${questions} times and --answer ${answers}; give one --answer per --question, in order ` +
      `(--answer "" for none yet)`,
    askers: (askers: number, questions: number) =>
      `--asker is given ${askers} times for ${questions} questions; give one per question (--asker "" for none)`,
    talkKey: (key: string, problem: string) => `"${key}" ${problem}`,
    talkNotKey: (keys: string) => `is not a session key; use ${keys}`,
    talkString: 'must be a string',
    talkSpeakers: 'must be a list of speakers',
    talkSpeaker: 'must be a name or a table with name and affiliation',
    talkQaList: 'must be a list of questions',
    talkQa: 'must be a table with question, answer and asker',
    talkShape: 'must hold one session: a table with title, speakers, slides, video and qa',
    noteOpener: 'a note starts with a line --- (YAML) or +++ (TOML) and its front matter',
    noteCode: 'front matter that is code is not read',
    noteUnreadable: (detail: string) => `the front matter of this note cannot be read: ${detail}`,
    fromUnreadable: (from: string, code: string) => `--from ${from}: cannot read it (${code})`,
    fileSyntax: (detail: string, format: string) => `${detail}; fix the ${format} of this file`,
    format: (format: string, formats: string) => `--format ${format}: use one of ${formats}`,
    maxWarnings: (value: string) => `--max-warnings ${value}: give a whole number (-1 for no limit)`,
    fixTwice: '--fix and --fix-dry-run go one at a time',
    slugTwice: (argument: string, option: string) =>
      `the slug is given twice ("${argument}" and --slug "${option}"); give it once`,
    taxonomy: (option: string, keys: string) => `--taxonomy ${option}: this site's taxonomies are ${keys}`,
    termEmpty: (name: string) => `<${name}> is empty; give the term`,
    termLine: (name: string) => `<${name}> must be one line of text`,
    sameTerm: (term: string) => `<from> and <to> are the same term ("${term}")`,
    tagsFormat: (format: string) => `--format ${format}: use text or json`,
  },
  /** Reading an event page. */
  event: {
    notUrl: (url: string) => `"${url}" is not a URL`,
    scheme: (protocol: string) => `only http:// and https:// pages are read, not ${protocol}`,
    tooLarge: (mb: number) => `the page is larger than ${mb} MB`,
    timeout: (seconds: number) => `no answer within ${seconds} s`,
    unreachable: (host: string, code: string) => `cannot reach ${host}${code ? ` (${code})` : ''}`,
    redirects: (max: number) => `more than ${max} redirects`,
    status: (status: string) => `the server answered ${status}`,
    connpassNotJson: 'the connpass API did not answer with JSON',
    connpassUnknown: (id: string) => `the connpass API knows no event ${id}`,
    connpassFailed: (detail: string) => `connpass API: ${detail}; reading the page instead`,
    notHtml: (type: string) => `not an HTML page (${type || 'no content type'})`,
    brokenJsonLd: (count: number) =>
      `${count} JSON-LD ${count === 1 ? 'block is' : 'blocks are'} not valid JSON and ` +
      `${count === 1 ? 'was' : 'were'} skipped`,
    noEvent: 'no event on the page (no JSON-LD Event, OpenGraph title or <title>)',
    tookTitle: (source: string) => `no JSON-LD Event; took the ${source} title`,
  },
  /** lint's own lines (findings are under `rules`). */
  lint: {
    summary: (problems: number, errors: number, warnings: number) =>
      `\u2716 ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
    fixable: (errors: number, warnings: number) =>
      `  ${plural(errors, 'error')} and ${plural(warnings, 'warning')} potentially fixable with the \`--fix\` option.`,
    tooManyWarnings: (max: number) => `meetup-note found too many warnings (maximum: ${max}).`,
    photoFixed: (file: string) => `Removed the location and camera data from ${file} (its pixels unchanged)`,
    photoWouldFix: (file: string) => `Would remove the location and camera data from ${file} (--fix-dry-run)`,
    fixed: (file: string, count: number) => `Fixed ${plural(count, 'problem')} in ${file}`,
    error: 'error',
    warning: 'warning',
  },
  /** `images add`. */
  images: {
    noFiles: 'give the photos to add, e.g. meetup-note images add ~/Downloads/IMG_0042.HEIC',
    notAPhoto: 'no such file; give the path of a photo',
    unreadable: (detail: string) => `cannot be read as a photo: ${detail}`,
    askAlt: (file: string) => `What shows ${file}? (alt text; empty: decorative)`,
    converted: (source: string, written: string, size: string, before: string, after: string) =>
      `${source} -> ${written} (${size}, ${before} -> ${after}, no location or camera data)`,
    wouldWrite: (line: string) => `Would write ${line} (--dry-run)`,
    added: (count: number, talk: number, file: string) => `Added ${plural(count, 'photo')} to talk ${talk} of ${file}`,
    convertingIn: (file: string, reason: 'new' | 'draft' | 'changed') =>
      `Converting the photos of ${file} (${PICKED_EN[reason]})`,
    nothingToConvert: (post: string) => `No JPEG, PNG, HEIC or TIFF photo of ${post} needs converting`,
    alsoShownBy: (posts: string) =>
      `also shown by ${posts}: nothing was converted; --all-posts rewrites those posts too`,
    leftAsIs: (file: string, place: string) =>
      `${file} is left as it is: its reference at ${place} is written with escapes or entities; ` +
      'write it plainly to convert it',
    rewrote: (count: number, post: string) => `Rewrote ${plural(count, 'reference')} in ${post}`,
    wouldRewrite: (count: number, post: string) => `Would rewrite ${plural(count, 'reference')} in ${post} (--dry-run)`,
    removedOriginals: (count: number) => `Removed ${plural(count, 'original')} (--keep keeps them)`,
    keptOriginals: 'The originals are kept: every post already rewritten shows the new files',
  },
  /** What the lint rules report. */
  rules: {
    frontMatterUnclosed: (opener: string, delimiter: string) =>
      `the front matter opened with ${opener} is never closed; add a line ${delimiter} after it`,
    frontMatterInvalid: (format: string, detail: string) => `invalid ${format} in the front matter: ${detail}`,
    frontMatterNotTable: 'the front matter must be a table of keys and values',
    syntax: (syntax: FrontMatterSyntax): string =>
      syntax.kind === 'unclosed'
        ? en.rules.frontMatterUnclosed(syntax.opener, syntax.delimiter)
        : syntax.kind === 'invalid'
          ? en.rules.frontMatterInvalid(syntax.format, syntax.detail)
          : en.rules.frontMatterNotTable,
    dateFuture: (key: string, value: string) =>
      `${key} ${value} is in the future: Hugo will not publish this post before then (unless built with --buildFuture)`,
    oneValue: (key: string, term: string, list: string) =>
      `${key} is one value, not a list: Hugo reads it as the one term "${term}"; write ${key} = [${list}]`,
    notString: (key: string, value: string, term: string) =>
      `${key} holds ${value}, not a string: Hugo makes it the term "${term}"; quote it if that is what you mean`,
    draftCoerced: (raw: string, read: boolean) =>
      `draft is ${raw}, not true or false: Hugo reads it as ` +
      `${read}${read ? ' (the post is a draft and is not published)' : ' (the post is published)'}; write draft = ` +
      `${read}`,
    noDate: (section: string) =>
      `no date (date, publishDate or lastmod): the other posts in ` +
      `${section ? `"${section}"` : 'the top of the content folder'} have one, and Hugo dates this one 0001-01-01; ` +
      `add date = ...`,
    noFrontMatter: (required: string[]) =>
      `no front matter; start the post with +++ and ${required.join(', ')} (Hugo needs them to list the post)`,
    fieldMissing: (key: string) => `"${key}" is missing from the front matter; add it`,
    fieldEmpty: (key: string) => `"${key}" is empty; give it a value`,
    notCalendarDay: (key: string, text: string, length?: MonthLength) =>
      `${key} ${text} is not a day of the ` +
      `calendar${length ? ` (${MONTHS[length.month - 1]} ${length.year} has ${length.days} days)` : ''}; TOML and ` +
      `YAML parsers would silently move it to another day`,
    notTimeOfDay: (key: string, text: string) => `${key} ${text} has a time of day that does not exist`,
    notHugoDate: (key: string, text: string) =>
      `${key} "${text}" is not a date Hugo reads (it dates the page 0001-01-01); write it like ` +
      `2019-11-01T19:00:00+09:00`,
    termsDropped: (key: string) =>
      `${key} holds a table or a nested list, which Hugo drops: the post is missing from those terms' pages; write ` +
      `${key} = ["Go", "勉強会"]`,
    noAlt: (url: string, how: string) => `image ${url} has no alt text; describe it (${how})`,
    imageCase: (image: string, names: string) =>
      `${image} exists only as ${names} (another letter case or Unicode form): it works on macOS and Windows, but is ` +
      `a 404 on Linux hosting; write ${names}`,
    localhost: (url: string, write: string) =>
      `${url} points at your own machine (hugo server): nobody else can load it; ` +
      `${write ? `write ${write}` : 'link the file in the site instead'}`,
    imageGps: (file: string) =>
      `${file} carries the GPS position where the photo was taken, which anyone can read from the published site; ` +
      'remove it with meetup-note lint --fix (pixels unchanged)',
    imageHeavy: (file: string, size: string, width: string, maxBytes: string, maxWidth: string) =>
      `${file} is ${size}${width ? ` and ${width} wide` : ''} (at most ${maxBytes} and twice ${maxWidth}): slow on a ` +
      `phone; meetup-note images convert on this post makes it fit and rewrites its references`,
    imageFormat: (file: string, format: string) =>
      `${file} is ${format}, which browsers other than Safari do not show; ` +
      'meetup-note images convert on this post converts it and rewrites its references',
    noUrl: 'the image has no URL; give the path of the file',
    outsideSite: (url: string) => `${url} points outside the site`,
    imageMissing: (image: string, suggestions: string[]) =>
      `${image} not ` +
      `found${suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : '; add the file or fix the path'}`,
    rootRelative: (url: string, prefix: string, inside: string) =>
      `${url} starts at the domain root, but the site lives under ${prefix} (baseURL): it links outside the site; ` +
      `write ${inside}`,
    selfUrl: (url: string, write: string) =>
      `${url} is an absolute URL of this site: it breaks when the domain or baseURL changes; write ${write}`,
    untracked: (file: string) =>
      `${file} is not in git (not committed, not staged, or ignored): it will be missing once pushed; \`git add ` +
      `${file}\``,
    alias: (term: string, target: string) =>
      `"${term}" is an alias of "${target}" (meetup-note.toml [aliases]); write "${target}"`,
    duplicate: (key: string, term: string, first: string) =>
      `${key} has "${term}" twice${first ? ` (as "${first}")` : ''}; remove this one`,
    emptyTerm: (key: string) => `empty term in ${key}; remove it`,
    unknownTerm: (term: string, key: string, near: string[], taxonomy: string) =>
      `"${term}" is not in the ${key} vocabulary of meetup-note.toml; ` +
      `${near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}? ` : ''}If it is a new term, add it ` +
      `to [taxonomies] ${taxonomy}`,
    variantVocabulary: (key: string, term: string) => `the ${key} vocabulary of meetup-note.toml spells it "${term}"`,
    variantPosts: (count: number, term: string) =>
      `${count} ${count === 1 ? 'post spells' : 'posts spell'} it "${term}"`,
    /** `key` is set when the vocabulary of meetup-note.toml spells it so, else `count` posts do. */
    variant: (term: string, canonical: string, key: string, count: number) =>
      `"${term}" is another spelling of "${canonical}": ` +
      `${key ? en.rules.variantVocabulary(key, canonical) : en.rules.variantPosts(count, canonical)}, and Hugo files ` +
      `both under one page with whichever title comes first; write "${canonical}"`,
  },
  /** `tags` and `tags rename`. */
  tags: {
    heading: (taxonomy: string, count: number) => `${taxonomy} (${plural(count, 'term')})`,
    alias: ', alias',
    alsoSpelled: (spellings: string) => `also spelled ${spellings}`,
    unknown: 'not in the vocabulary',
    unused: 'in the vocabulary, unused',
    noSuchTerm: (from: string, near: string[]) =>
      `no post has the term "${from}"${near.length ? `; did you mean ${near.map((t) => `"${t}"`).join(', ')}?` : ''}`,
    leftAlone: (file: string, reason: string) => `${file}: left alone: ${reason}`,
    renamed: (spelling: string, to: string, count: number, merged: number, dryRun: boolean) =>
      `${dryRun ? 'Would rename' : 'Renamed'} "${spelling}" to "${to}" in ` +
      `${plural(count, 'post')}${merged ? ` (${merged} already had "${to}": merged)` : ''}`,
    recorded: (from: string, to: string, config: string, dryRun: boolean) =>
      `${dryRun ? 'Would record' : 'Recorded'} ${from} = "${to}" under [aliases] in ${config}`,
    unreadable: (file: string) =>
      `${file}: its front matter cannot be read; its terms are not counted (see \`meetup-note lint\`)`,
    jsonTerms: 'terms in JSON front matter are not rewritten; change it by hand',
    multiLineTerm: (line: number, column: number) =>
      `the term at ${line}:${column} is a multi-line string, which meetup-note does not rewrite; change it by hand`,
    use: (term: string) => `Use "${term}"`,
    leave: 'Leave as is',
    stop: 'Stop',
    inAll: (count: number) => `${plural(count, 'post')} in all`,
    whichSpelling: (taxonomy: string, listed: string) => `${taxonomy}: ${listed}: which spelling to keep?`,
    askAliases: 'Record the other spellings under [aliases], so lint flags them from now on?',
  },
  problem: (problem: Problem): string => (PROBLEMS_EN[problem.id] as (p: Problem) => string)(problem),
  fields: {
    title: 'title',
    event: 'event',
    eventUrl: 'event page',
    hashtag: 'hashtag',
    date: 'date',
    description: 'description',
    categories: 'categories',
    tags: 'tags',
    slug: 'slug',
    author: 'author',
    draft: 'draft',
    file: 'file',
  },
  yes: 'yes',
  no: 'no',
};

export type Messages = typeof en;

const ja: Messages = {
  eventPage: 'イベントページ',
  askEvent: 'イベント名（例: DeNA.go #3）',
  askEventUrl: 'イベントページのURL（空欄: なし）',
  askHashtag: 'ハッシュタグ（空欄: なし）',
  askDate: '日付と開始時刻（YYYY-MM-DD HH:mm）',
  askTitle: 'タイトル',
  askDescription: '説明（空欄: なし）',
  askPickTerms: (taxonomy: string) => `${taxonomy}: サイトで使っているものから選択（スペースで選択、Enterで次へ）`,
  askNewTerms: (taxonomy: string) => `${taxonomy}: 新しく追加するもの（カンマ区切り、空欄: なし）`,
  spellingSource: (source: SpellingSource) =>
    source.kind === 'alias'
      ? 'meetup-note.toml の [aliases] の別名'
      : source.kind === 'vocabulary'
        ? 'meetup-note.toml の語彙'
        : `${source.count} 件の記事がこの表記`,
  wroteSpelling: (taxonomy: string, typed: string, preferred: string, why: string) =>
    `${taxonomy}: 「${typed}」はサイトの表記「${preferred}」で書きました（${why}）`,
  askSpelling: (taxonomy: string, typed: string, preferred: string, why: string) =>
    `${taxonomy}: 「${typed}」はサイトでは「${preferred}」と書いています（${why}）。どちらにしますか？`,
  useSiteSpelling: (term: string) => `${term}（サイトの表記）`,
  keepTyped: (term: string) => `${term}（入力のまま）`,
  askSlug: 'スラッグ（ファイル名）',
  askSlugTaken: (file: string) => `${file} はすでにあります。どうしますか？`,
  useSlug: (slug: string) => `スラッグを ${slug} にする`,
  overwriteFile: (file: string) => `${file} を上書きする`,
  otherSlug: '別のスラッグを入力する',
  askDraft: '下書き (draft) として保存しますか？',
  summary: '作成する記事:',
  confirmWrite: (file: string) => `${file} を書き込みますか？`,
  notWritten: '何も書き込みませんでした。',
  created: (file: string) => `${file} を作成しました`,
  wouldCreate: (file: string) => `${file} を作成します（--dry-run）`,
  photosIn: (dir: string, url: string) =>
    `写真は ${dir}/ に置いてください${url ? `（記事からは ${url}photo.jpg で参照）` : ''}`,
  photosBeside: (dir: string) => `写真は記事と同じ ${dir}/ に置いてください（記事からは photo.jpg で参照）`,
  nextSession: (file: string) => `セッションを追加: meetup-note add-session ${file}`,
  nextLint: (file: string) => `コミット前のチェック: meetup-note lint ${file}`,
  previewDraft: '下書きです。hugo server -D でプレビューできます（-D なしでは下書きはビルドされません）',
  askAddSession: '最初のセッションを今すぐ追加しますか？',
  readingEvent: (url: string) => `イベントページ ${url} を読んでいます...`,
  eventProblem: (text: string) => `  うまく読めませんでした: ${text}`,
  talksDropped: (count: number, max: number) =>
    `発表 ${count} 件を除きました（使えるタイトルがないか、${max} 件を超えた分）`,
  eventRead: (name: string, source: string, talks: number) =>
    `  「${name}」を見つけました（${source}${talks ? `、発表 ${talks} 件` : ''}）`,
  askAddTalk: (title: string, speaker?: string) =>
    `発表「${title}」${speaker ? `（${withHonorific(speaker)}）` : ''}をセッションとして追加しますか？`,
  askSessionTitle: 'セッションのタイトル',
  askSpeaker: '登壇者（名前か @handle、空欄: なし）',
  askAffiliation: (speaker: string) => `${withHonorific(speaker)}の所属（空欄: なし）`,
  askMoreSpeakers: 'ほかの登壇者を追加しますか？',
  askSlides: 'スライドのURL（空欄: なし）',
  askVideo: '動画のURL（空欄: なし）',
  askAddQa: 'Q&Aを今すぐ追加しますか？',
  askQuestion: '質問（空欄: 終了）',
  askAnswer: '回答（空欄: まだなし）',
  askAsker: '質問した人（空欄: 省略）',
  askMoreQa: '続けて質問を追加しますか？',
  pickedPost: (file: string, reason: 'new' | 'draft' | 'changed') => `${file} に追加します（${PICKED_JA[reason]}）`,
  askWhichReport: 'どの記事に追加しますか？',
  reportReason: { new: 'meetup-note new で最後に作成', draft: 'いちばん新しい下書き', changed: '最後に更新' },
  askWhichTalk: 'どのセッションに追加しますか？',
  addedSession: (number: number, title: string, file: string) =>
    `${file} にセッション ${number}「${title}」を追加しました`,
  wouldAddSession: (number: number, line: number, file: string) =>
    `${file} の ${line} 行目にセッション ${number} を追加します（--dry-run）:`,
  addedQa: (count: number, number: number, file: string) =>
    `${file} のセッション ${number} に Q&A を ${count} 件追加しました`,
  wouldAddQa: (number: number, line: number, file: string) =>
    `${file} の ${line} 行目、セッション ${number} に Q&A を追加します（--dry-run）:`,
  unsaved: '入力した内容は保存されていません。貼り付けるか、もう一度実行してください:',
  nextQa: (file: string) => `あとから質問を追加: meetup-note add-qa ${file}`,
  cli: {
    cancelled: '中止しました。何も書き込んでいません',
    unexpected: (message: string) => `予期しないエラー: ${message}`,
    bug: 'meetup-note の不具合です。実行したコマンドを添えて報告してください（MEETUP_NOTE_DEBUG=1 で発生箇所を表示します）。',
    didYouMean: (names: string) => `（${names} のことですか？）`,
    unknownOption: (flag: string) => `${flag} というオプションはありません`,
    unknownCommand: (name: string, suggestion: string) =>
      `${name} というコマンドはありません` +
      `${suggestion ? `（${suggestion} のことですか？）` : `。コマンドは ${COMMAND_NAMES.replace(/, /g, '、')} です`}`,
    missingArgument: (name: string) => `引数 <${name}> がありません`,
    optionMissingArgument: (flags: string) => `${flags} には値が必要です`,
    tooManyArguments: (command: string, expected: number, got: number) =>
      `${command ? `${command} の` : ''}引数が多すぎます（${expected} 個までのところ ${got} 個）`,
    seeHelp: (command: string) => `使い方: meetup-note ${command}--help`,
    noSuchDirectory: (dir: string) => `-C ${dir}: そのフォルダーはありません`,
    siteNotFound: (start: string) =>
      `${start} とその上に meetup-note.toml も Hugo の設定（hugo.toml、config.toml、config/_default/）もありません。サイトの中で実行するか、-C <サイト> ` +
      `を付けるか、\`meetup-note init\` で作ってください`,
    required: (flag: string, interactive: boolean, example: string) =>
      `${interactive ? '--yes を付けたときは' : '端末の外で実行するときは'} ${flag} が必要です（例: ${flag} "${example}"）`,
    flagProblem: (flag: string, problem: string) => `${flag}: ${problem}`,
  },
  config: {
    syntax: (detail: string) => `${detail}。このファイルの書き方を直してください`,
    schemaMustBe: (key: string, expected: string, actual: string) =>
      `「${key}」は${expected}にしてください（いまは${actual}）`,
    schemaUnknownKey: (key: string, known: string) => `「${key}」は知らないキーです。使えるキー: ${known}`,
    aString: '文字列',
    oneOf: (values: string) => `${values} のどれか`,
    trueOrFalse: 'true か false',
    integer: (min: number, max: number) => `${min} から ${max} までの整数`,
    strings: '文字列の配列',
    aTable: 'テーブル',
    anArray: '配列',
    aDate: '日付',
    aNumber: '数値',
    aList: 'リスト',
    hugoMustBe: (key: string, what: string, actual: string) => `${key} は${what}にしてください（いまは ${actual}）`,
    kinds: {
      folder: 'フォルダー名（文字列）',
      language: '言語コード（文字列）',
      url: 'URL（文字列）',
      zone: 'タイムゾーン名（文字列）',
    },
    staticDir: 'staticDir はフォルダー名かそのリストにしてください',
    outside: (key: string, dir: string, root: string) =>
      `${key} = "${dir}" はサイト（${root}）の外を指しています。サイトの中のフォルダーにしてください`,
    placeholder: (key: string, value: string, name: string) =>
      `${key} = "${value}" の {${name}} は使えません。{slug}、{yyyy}、{mm}、{dd} を使ってください`,
    relative: (key: string, value: string) =>
      `${key} = "${value}" は「..」を含まない、フォルダーの中を指す相対パスにしてください`,
    markdownExtension: (key: string, value: string) =>
      `${key} = "${value}" は .md か .markdown で終わるようにしてください`,
    timezone: (zone: string) =>
      `タイムゾーン「${zone}」は IANA のタイムゾーンではありません。"Asia/Tokyo" や "UTC" のような名前にしてください`,
    baseURL: (value: string) =>
      `baseURL = "${value}" は "https://example.dev/" のような http(s) の絶対URLにしてください`,
    unknownRule: (id: string, known: string) => `[lint.rules] の「${id}」というルールはありません。ルール: ${known}`,
    aliasesInline: '[aliases] がインラインかドット付きのキーで書かれています。別名は手で追加してください',
    templateOutside: (real: string) =>
      `テンプレートがサイトの外（${real}）へのリンクです。リンクをファイルに置き換えてください`,
    templatePartial: (name: string) => `テンプレートでは部分テンプレート（{{> ${name}}}）は使えません`,
    templateName: (name: string, allowed: string) =>
      `{{${name}}} は使えない名前です。このテンプレートで使える名前: ${allowed}`,
    templateSyntax: (detail: string) => `テンプレートを読めません: ${detail}`,
    initOutsideSite: (dir: string) =>
      `${dir} とその上に Hugo の設定（hugo.toml、config.toml、config/_default/）がありません。サイトの中で init を実行するか、このフォルダーに ` +
      `meetup-note.toml を書くなら --here を付けてください`,
    initExists: 'すでにあります。そのファイルを編集してください（init は上書きしません）',
    initCreated: (file: string, next: string) => `${file} を作成しました。次は: ${next}（勉強会の記事を書き始める）`,
  },
  input: {
    noFiles: (pattern: string) => `${pattern} に合うファイルがありません`,
    noSuchPath: (pattern: string) => `${pattern}: そのファイルもフォルダーもありません`,
    noSuchPost: 'その記事はありません。Markdown の記事のパスを指定してください',
    noPosts: (dirs: string) => `${dirs} の下に記事がありません。\`meetup-note new\` で作ってください`,
    noFrontMatter: 'フロントマター（1行目の +++ か ---）がありません。記事ですか？',
    unclosed: (delimiter: string) => `フロントマターが閉じていません。後ろに ${delimiter} の行を追加してください`,
    invalid: (format: string, detail: string) => `フロントマターが正しい ${format} ではありません: ${detail}`,
    exists: 'すでにあります。上書きするなら --force を付けてください',
    unclosedBlock:
      'ここで開いたコードブロック（```）か HTML コメント（<!--）が閉じていないため、追加する文章がその中に隠れてしまいます。閉じてからもう一度実行してください',
    noTalks: (file: string) =>
      `${file} に番号付きのセッション（# 1. ...）がありません。\`meetup-note add-session\` で追加してください`,
    noSuchTalk: (session: string, file: string, talks: string) =>
      `--session ${session}: ${file} のセッションは ${talks} です`,
    qaRequired: (interactive: boolean) =>
      `${interactive ? '--yes を付けたときは' : '端末の外で実行するときは'} --question と --answer が必要です`,
    affiliations: (affiliations: number, speakers: number) =>
      `--affiliation が ${affiliations} 回なのに --speaker は ${speakers} 回です。--affiliation ごとに --speaker を同じ順で指定してください`,
    answers: (questions: number, answers: number) =>
      `--question が ${questions} 回、--answer が ${answers} 回です。--question ごとに --answer を同じ順で指定してください（まだ回答がなければ ` +
      `--answer ""）`,
    askers: (askers: number, questions: number) =>
      `--asker が ${askers} 回ですが質問は ${questions} 件です。質問ごとに1つ指定してください（なければ --asker ""）`,
    talkKey: (key: string, problem: string) => `「${key}」${problem}`,
    talkNotKey: (keys: string) => `はセッションのキーではありません。${keys} を使ってください`,
    talkString: 'は文字列にしてください',
    talkSpeakers: 'は登壇者のリストにしてください',
    talkSpeaker: 'は名前か、name と affiliation のテーブルにしてください',
    talkQaList: 'は質問のリストにしてください',
    talkQa: 'は question、answer、asker のテーブルにしてください',
    talkShape: 'セッション1つ分のテーブル（title、speakers、slides、video、qa）にしてください',
    noteOpener: 'メモは --- (YAML) か +++ (TOML) の行とフロントマターで始めてください',
    noteCode: 'コードのフロントマターは読みません',
    noteUnreadable: (detail: string) => `このメモのフロントマターを読めません: ${detail}`,
    fromUnreadable: (from: string, code: string) => `--from ${from}: 読めません (${code})`,
    fileSyntax: (detail: string, format: string) => `${detail}。このファイルの ${format} を直してください`,
    format: (format: string, formats: string) => `--format ${format}: ${formats} のどれかにしてください`,
    maxWarnings: (value: string) => `--max-warnings ${value}: 整数を指定してください（上限なしは -1）`,
    fixTwice: '--fix と --fix-dry-run は同時に使えません',
    slugTwice: (argument: string, option: string) =>
      `スラッグが2回指定されています（「${argument}」と --slug「${option}」）。1回にしてください`,
    taxonomy: (option: string, keys: string) => `--taxonomy ${option}: このサイトのタクソノミーは ${keys} です`,
    termEmpty: (name: string) => `<${name}> が空です。語を指定してください`,
    termLine: (name: string) => `<${name}> は1行で指定してください`,
    sameTerm: (term: string) => `<from> と <to> が同じ語（「${term}」）です`,
    tagsFormat: (format: string) => `--format ${format}: text か json にしてください`,
  },
  event: {
    notUrl: (url: string) => `「${url}」はURLではありません`,
    scheme: (protocol: string) => `読めるのは http:// と https:// のページだけです（${protocol} は不可）`,
    tooLarge: (mb: number) => `ページが ${mb} MB を超えています`,
    timeout: (seconds: number) => `${seconds} 秒以内に応答がありません`,
    unreachable: (host: string, code: string) => `${host} に接続できません${code ? ` (${code})` : ''}`,
    redirects: (max: number) => `リダイレクトが ${max} 回を超えました`,
    status: (status: string) => `サーバーの応答: ${status}`,
    connpassNotJson: 'connpass API の応答が JSON ではありません',
    connpassUnknown: (id: string) => `connpass API にイベント ${id} がありません`,
    connpassFailed: (detail: string) => `connpass API: ${detail}。代わりにページを読みます`,
    notHtml: (type: string) => `HTML のページではありません（${type || 'Content-Type なし'}）`,
    brokenJsonLd: (count: number) => `JSON-LD のブロック ${count} 個が正しい JSON ではないため飛ばしました`,
    noEvent: 'ページにイベントがありません（JSON-LD の Event も OpenGraph のタイトルも <title> もなし）',
    tookTitle: (source: string) => `JSON-LD の Event がないため ${source} のタイトルを使いました`,
  },
  lint: {
    summary: (problems: number, errors: number, warnings: number) =>
      `\u2716 ${problems} 件の問題（エラー ${errors} 件、警告 ${warnings} 件）`,
    fixable: (errors: number, warnings: number) =>
      `  エラー ${errors} 件と警告 ${warnings} 件は \`--fix\` で直せる可能性があります。`,
    tooManyWarnings: (max: number) => `警告が多すぎます（上限: ${max} 件）。`,
    photoFixed: (file: string) => `${file} から位置情報とカメラ情報を削除しました（画素はそのまま）`,
    photoWouldFix: (file: string) => `${file} から位置情報とカメラ情報を削除します（--fix-dry-run）`,
    fixed: (file: string, count: number) => `${file}: ${count} 件を修正しました`,
    error: 'エラー',
    warning: '警告',
  },
  images: {
    noFiles: '追加する写真を指定してください（例: meetup-note images add ~/Downloads/IMG_0042.HEIC）',
    notAPhoto: 'そのファイルはありません。写真のパスを指定してください',
    unreadable: (detail: string) => `写真として読めません: ${detail}`,
    askAlt: (file: string) => `${file} に写っているものは？（代替テキスト、空欄: 装飾）`,
    converted: (source: string, written: string, size: string, before: string, after: string) =>
      `${source} → ${written}（${size}、${before} → ${after}、位置情報とカメラ情報なし）`,
    wouldWrite: (line: string) => `${line} を書き込みます（--dry-run）`,
    added: (count: number, talk: number, file: string) =>
      `${file} のセッション ${talk} に写真を ${count} 枚追加しました`,
    convertingIn: (file: string, reason: 'new' | 'draft' | 'changed') =>
      `${file} の写真を変換します（${PICKED_JA[reason]}）`,
    nothingToConvert: (post: string) => `${post} に変換が必要な JPEG・PNG・HEIC・TIFF の写真はありません`,
    alsoShownBy: (posts: string) =>
      `${posts} でも使われています。何も変換していません（--all-posts でそれらの記事も書き換えます）`,
    leftAsIs: (file: string, place: string) =>
      `${file} は変換しません: ${place} の参照がエスケープや文字参照で書かれています。そのまま書けば変換できます`,
    rewrote: (count: number, post: string) => `${post} の参照を ${count} か所書き換えました`,
    wouldRewrite: (count: number, post: string) => `${post} の参照を ${count} か所書き換えます（--dry-run）`,
    removedOriginals: (count: number) => `元の写真 ${count} 枚を削除しました（--keep で残せます）`,
    keptOriginals: '元の写真は残しました。書き換え済みの記事は新しいファイルを表示します',
  },
  rules: {
    frontMatterUnclosed: (opener: string, delimiter: string) =>
      `${opener} で始まるフロントマターが閉じていません。後ろに ${delimiter} の行を追加してください`,
    frontMatterInvalid: (format: string, detail: string) =>
      `フロントマターが正しい ${format} ではありません: ${detail}`,
    frontMatterNotTable: 'フロントマターはキーと値のテーブルにしてください',
    syntax: (syntax: FrontMatterSyntax): string =>
      syntax.kind === 'unclosed'
        ? ja.rules.frontMatterUnclosed(syntax.opener, syntax.delimiter)
        : syntax.kind === 'invalid'
          ? ja.rules.frontMatterInvalid(syntax.format, syntax.detail)
          : ja.rules.frontMatterNotTable,
    dateFuture: (key: string, value: string) =>
      `${key} の ${value} は未来の日時です。Hugo はその時まで記事を公開しません（--buildFuture を付けない限り）`,
    oneValue: (key: string, term: string, list: string) =>
      `${key} がリストではなく1つの値です。Hugo は「${term}」という1つの語として読みます。${key} = [${list}] と書いてください`,
    notString: (key: string, value: string, term: string) =>
      `${key} に文字列でない ${value} があります。Hugo はこれを「${term}」という語にします。その意図なら引用符で囲んでください`,
    draftCoerced: (raw: string, read: boolean) =>
      `draft が true / false ではなく ${raw} です。Hugo は ${read} として読みます${read ? '（下書きとして公開されません）' : '（公開されます）'}。draft = ` +
      `${read} と書いてください`,
    noDate: (section: string) =>
      `日付（date、publishDate、lastmod）がありません。${section ? `「${section}」` : 'content フォルダー直下'}の他の記事には日付があり、Hugo はこの記事を ` +
      `0001-01-01 の日付にします。date = ... を追加してください`,
    noFrontMatter: (required: string[]) =>
      `フロントマターがありません。+++ で始めて ${required.join('、')} を書いてください（Hugo が記事を一覧に載せるのに必要です）`,
    fieldMissing: (key: string) => `フロントマターに「${key}」がありません。追加してください`,
    fieldEmpty: (key: string) => `「${key}」が空です。値を入れてください`,
    notCalendarDay: (key: string, text: string, length?: MonthLength) =>
      `${key} の ${text} は存在しない日付です${length ? `（${length.year}年${length.month}月は${length.days}日まで）` : ''}。TOML や YAML ` +
      `のパーサーは黙って別の日に変えてしまいます`,
    notTimeOfDay: (key: string, text: string) => `${key} の ${text} は存在しない時刻です`,
    notHugoDate: (key: string, text: string) =>
      `${key} の「${text}」は Hugo が読める日付ではありません（ページの日付が 0001-01-01 になります）。2019-11-01T19:00:00+09:00 のように書いてください`,
    termsDropped: (key: string) =>
      `${key} にテーブルや入れ子のリストがあり、Hugo はそれを無視します（その語のページに記事が載りません）。${key} = ["Go", "勉強会"] のように書いてください`,
    noAlt: (url: string, how: string) => `画像 ${url} に代替テキストがありません。内容を書いてください（${how}）`,
    imageCase: (image: string, names: string) =>
      `${image} は ${names} としてしか存在しません（大文字小文字かUnicode正規化が違う）。macOS では表示されても Linux のホスティングでは 404 になります。${names} ` +
      `と書いてください`,
    localhost: (url: string, write: string) =>
      `${url} は手元のマシン（hugo server）を指しています。他の人には表示されません。${write ? `${write} と書いてください` : 'サイト内のファイルを指してください'}`,
    imageGps: (file: string) =>
      `${file} には撮影場所の GPS 位置が入っていて、公開されたサイトから誰でも読めます。` +
      'meetup-note lint --fix で削除してください（画素はそのまま）',
    imageHeavy: (file: string, size: string, width: string, maxBytes: string, maxWidth: string) =>
      `${file} は ${size}${width ? `、幅 ${width}` : ''} あります（上限 ${maxBytes}、幅は ${maxWidth} の2倍まで）。` +
      `スマートフォンでは表示が遅くなります。この記事で meetup-note images convert を実行すると軽くして参照も書き換えます`,
    imageFormat: (file: string, format: string) =>
      `${file} は ${format} 形式で、Safari 以外のブラウザーでは表示されません。` +
      'この記事で meetup-note images convert を実行すると変換して参照も書き換えます',
    noUrl: '画像のURLが空です。ファイルのパスを書いてください',
    outsideSite: (url: string) => `${url} はサイトの外を指しています`,
    imageMissing: (image: string, suggestions: string[]) =>
      `${image} が見つかりません${suggestions.length ? `。${suggestions.join(' か ')} のことですか？` : '。ファイルを追加するかパスを直してください'}`,
    rootRelative: (url: string, prefix: string, inside: string) =>
      `${url} はドメインのルートから始まっていますが、サイトは ${prefix}（baseURL）の下にあります。サイトの外へのリンクになります。${inside} と書いてください`,
    selfUrl: (url: string, write: string) =>
      `${url} はこのサイト自身の絶対URLです。ドメインや baseURL が変わると切れます。${write} と書いてください`,
    untracked: (file: string) =>
      `${file} が git に入っていません（未コミット・未ステージ・または ignore 対象）。push すると表示されません。\`git add ${file}\` してください`,
    alias: (term: string, target: string) =>
      `「${term}」は「${target}」の別名です（meetup-note.toml の [aliases]）。「${target}」と書いてください`,
    duplicate: (key: string, term: string, first: string) =>
      `${key} に「${term}」が重複しています${first ? `（「${first}」と同じ）` : ''}。こちらを削除してください`,
    emptyTerm: (key: string) => `${key} に空の項目があります。削除してください`,
    unknownTerm: (term: string, key: string, near: string[], taxonomy: string) =>
      `「${term}」は meetup-note.toml の ${key} ` +
      `の語彙にありません。${near.length ? `${near.map((n) => `「${n}」`).join('か')}のことですか？` : ''}新しい語なら [taxonomies] の ` +
      `${taxonomy} に追加してください`,
    variantVocabulary: (key: string, term: string) => `meetup-note.toml の ${key} の語彙では「${term}」です`,
    variantPosts: (count: number, term: string) => `${count} 件の記事が「${term}」と書いています`,
    variant: (term: string, canonical: string, key: string, count: number) =>
      `「${term}」は「${canonical}」の表記揺れです。` +
      `${key ? ja.rules.variantVocabulary(key, canonical) : ja.rules.variantPosts(count, canonical)}。` +
      `Hugo は両方を1つのページにまとめ、先に来た方の表記で表示します。「${canonical}」と書いてください`,
  },
  tags: {
    heading: (taxonomy: string, count: number) => `${taxonomy} (${count} 語)`,
    alias: '、別名',
    alsoSpelled: (spellings: string) => `表記揺れ: ${spellings}`,
    unknown: '語彙にない',
    unused: '語彙にあるが未使用',
    noSuchTerm: (from: string, near: string[]) =>
      `「${from}」という語の記事はありません${near.length ? `。もしかして ${near.map((t) => `「${t}」`).join('、')}？` : ''}`,
    leftAlone: (file: string, reason: string) => `${file}: そのままにしました: ${reason}`,
    renamed: (spelling: string, to: string, count: number, merged: number, dryRun: boolean) =>
      `「${spelling}」を「${to}」に${dryRun ? '変更します' : '変更しました'}: ${count} ` +
      `件${merged ? `（${merged} 件はすでに「${to}」があったので統合）` : ''}`,
    recorded: (from: string, to: string, config: string, dryRun: boolean) =>
      `${config} の [aliases] に ${from} = "${to}" を${dryRun ? '記録します' : '記録しました'}`,
    unreadable: (file: string) => `${file}: フロントマターを読めないため数えていません（\`meetup-note lint\` を参照）`,
    jsonTerms: 'JSON のフロントマターの語は書き換えません。手で直してください',
    multiLineTerm: (line: number, column: number) =>
      `${line}:${column} の語は複数行の文字列のため書き換えません。手で直してください`,
    use: (term: string) => `「${term}」に揃える`,
    leave: 'このままにする',
    stop: '終了',
    inAll: (count: number) => `全 ${count} 件`,
    whichSpelling: (taxonomy: string, listed: string) => `${taxonomy}: ${listed} — どれに揃えますか？`,
    askAliases: 'ほかの表記を [aliases] に記録して、今後 lint で指摘しますか？',
  },
  problem: (problem: Problem): string => (PROBLEMS_JA[problem.id] as (p: Problem) => string)(problem),
  fields: {
    title: 'タイトル',
    event: 'イベント',
    eventUrl: 'イベントページ',
    hashtag: 'ハッシュタグ',
    date: '日時',
    description: '説明',
    categories: 'カテゴリ',
    tags: 'タグ',
    slug: 'スラッグ',
    author: '著者',
    draft: '下書き',
    file: 'ファイル',
  },
  yes: 'はい',
  no: 'いいえ',
};

export const MESSAGES: Record<Language, Messages> = { en, ja };

// The English wording of errors' `message` (errors.ts does not load this catalog itself).
useEnglishCatalog(en);
