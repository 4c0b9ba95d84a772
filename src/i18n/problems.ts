import type { Language } from '../config/types.js';

/** Why a typed value cannot be used; worded per language by `describeProblem`. */
export type Problem =
  | { id: 'required' }
  | { id: 'lineBreak' }
  | { id: 'control'; code: string }
  | { id: 'surrogate' }
  | { id: 'notUrl'; value: string }
  | { id: 'notHttp'; value: string }
  | { id: 'hashtagSpace'; value: string }
  | { id: 'slugEmpty' }
  | { id: 'slugChars'; value: string }
  | { id: 'slugLong' }
  | { id: 'dateFormat'; value: string }
  | { id: 'dateCalendar'; value: string }
  | { id: 'timeOfDay'; value: string }
  | { id: 'offset'; value: string }
  | { id: 'exists'; value: string }
  | { id: 'binary' }
  | { id: 'notUtf8'; guess?: string; command?: string }
  | { id: 'unreadable'; code: string }
  | { id: 'notAFile' }
  | { id: 'tooLarge'; size: number; limit: number }
  | { id: 'outsideSite'; real: string }
  | { id: 'notInContent'; dirs: string }
  | { id: 'notPost' }
  | { id: 'tooDeep'; limit: number }
  | { id: 'writeFailed'; code: string }
  | { id: 'locked'; lock: string }
  | { id: 'changed' };

type Wording = { [K in Problem['id']]: (p: Extract<Problem, { id: K }>) => string };

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

const en: Wording = {
  required: () => 'a value is required',
  lineBreak: () => 'contains a line break; it must be one line of text',
  control: (p) => `contains a control character (${p.code}); it must be plain text`,
  surrogate: () => 'contains a broken character (a lone UTF-16 surrogate)',
  notUrl: (p) => `"${p.value}" is not a URL; use an http:// or https:// address`,
  notHttp: (p) => `"${p.value}" is not an http(s) URL; only http:// and https:// links are written`,
  hashtagSpace: (p) => `"${p.value}" has a space; a hashtag is one word`,
  slugEmpty: () => 'the slug is empty',
  slugChars: (p) => `"${p.value}" cannot be a slug: use letters of any script (Hugo serves Unicode paths), digits, "-" and "_" (no "/", ".", spaces), starting with a letter or digit`,
  slugLong: () => 'the slug is longer than 100 characters',
  dateFormat: (p) => `"${p.value}" is not a date; use YYYY-MM-DD, "YYYY-MM-DD HH:mm" or an ISO date-time such as 2019-11-01T19:00:00+09:00`,
  dateCalendar: (p) => `${p.value} is not a day of the calendar`,
  timeOfDay: (p) => `${p.value} is not a time of day`,
  offset: (p) => `${p.value} is not a UTC offset`,
  exists: (p) => `${p.value} already exists; choose another slug, or pass --force to overwrite it`,
  binary: () => 'this is a binary file, not a Markdown post; remove it from the content folder or rename it',
  notUtf8: (p) =>
    `this file is not UTF-8${p.guess ? ` (it looks like ${p.guess})` : ''}; Hugo reads posts as UTF-8 and meetup-note left it unchanged.` +
    (p.command ? ` Convert it: ${p.command}` : ' Save it as UTF-8'),
  unreadable: (p) => `cannot be read: ${errno(ERRNO_EN, p.code)}`,
  notAFile: () => 'is not a regular file',
  tooLarge: (p) => `is ${Math.round(p.size / 1048576)} MiB, more than the ${Math.round(p.limit / 1048576)} MiB meetup-note reads; left alone`,
  outsideSite: (p) => `leads outside the site through a symbolic link (to ${p.real}); meetup-note reads and writes only inside the site, so it left this file alone`,
  notInContent: (p) => `is not a post of this site: meetup-note edits only Markdown posts under ${p.dirs}`,
  notPost: () => 'is not a Markdown post (.md, .markdown)',
  tooDeep: (p) => `the front matter nests lists or tables more than ${p.limit} levels deep; meetup-note does not read it`,
  writeFailed: (p) => `could not be written: ${p.code === 'ENOENT' ? 'its folder does not exist (ENOENT)' : errno(ERRNO_EN, p.code)}; the file is as it was`,
  locked: (p) => `another meetup-note is writing this post and did not finish in time; try again (if none is running, remove ${p.lock})`,
  changed: () => 'the file changed on disk while meetup-note was working on it; nothing was written. Run the command again on the saved file',
};

const ja: Wording = {
  required: () => '入力してください',
  lineBreak: () => '改行が含まれています。1行で入力してください',
  control: (p) => `制御文字 (${p.code}) が含まれています。通常の文字だけで入力してください`,
  surrogate: () => '壊れた文字（対になっていないサロゲート）が含まれています',
  notUrl: (p) => `「${p.value}」はURLではありません。http:// または https:// で始まるアドレスを入力してください`,
  notHttp: (p) => `「${p.value}」は http(s) のURLではありません。http:// と https:// のリンクだけを書き込みます`,
  hashtagSpace: (p) => `「${p.value}」に空白があります。ハッシュタグは1語です`,
  slugEmpty: () => 'スラッグが空です',
  slugChars: (p) => `「${p.value}」はスラッグに使えません。文字（日本語も可。Hugo は日本語のパスもそのまま公開します）・数字・「-」・「_」だけを使い（「/」「.」空白は不可）、文字か数字で始めてください`,
  slugLong: () => 'スラッグが100文字を超えています',
  dateFormat: (p) => `「${p.value}」は日付ではありません。YYYY-MM-DD、「YYYY-MM-DD HH:mm」または 2019-11-01T19:00:00+09:00 のようなISO形式で入力してください`,
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
  tooLarge: (p) => `${Math.round(p.size / 1048576)} MiB あり、meetup-note が読む上限 ${Math.round(p.limit / 1048576)} MiB を超えています。そのままにしました`,
  outsideSite: (p) => `シンボリックリンクでサイトの外（${p.real}）を指しています。meetup-note はサイトの中だけを読み書きするので、このファイルはそのままにしました`,
  notInContent: (p) => `このサイトの記事ではありません。meetup-note が編集するのは ${p.dirs} の下の Markdown の記事だけです`,
  notPost: () => 'Markdown の記事（.md, .markdown）ではありません',
  tooDeep: (p) => `フロントマターのリストやテーブルの入れ子が ${p.limit} 段を超えているため読みません`,
  writeFailed: (p) => `書き込めませんでした: ${p.code === 'ENOENT' ? '書き込み先のフォルダーがありません (ENOENT)' : errno(ERRNO_JA, p.code)}。ファイルは元のままです`,
  locked: (p) => `別の meetup-note がこの記事に書き込み中で、時間内に終わりませんでした。もう一度実行してください（実行中のものがなければ ${p.lock} を削除してください）`,
  changed: () => 'meetup-note の処理中にファイルがディスク上で変更されたため、何も書き込みませんでした。保存されたファイルに対してもう一度実行してください',
};

const WORDING: Record<Language, Wording> = { en, ja };

export function describeProblem(problem: Problem, language: Language): string {
  const word = WORDING[language][problem.id] as (p: Problem) => string;
  return word(problem);
}
