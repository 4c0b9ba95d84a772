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
  | { id: 'exists'; value: string };

type Wording = { [K in Problem['id']]: (p: Extract<Problem, { id: K }>) => string };

const en: Wording = {
  required: () => 'a value is required',
  lineBreak: () => 'contains a line break; it must be one line of text',
  control: (p) => `contains a control character (${p.code}); it must be plain text`,
  surrogate: () => 'contains a broken character (a lone UTF-16 surrogate)',
  notUrl: (p) => `"${p.value}" is not a URL; use an http:// or https:// address`,
  notHttp: (p) => `"${p.value}" is not an http(s) URL; only http:// and https:// links are written`,
  hashtagSpace: (p) => `"${p.value}" has a space; a hashtag is one word`,
  slugEmpty: () => 'the slug is empty',
  slugChars: (p) => `"${p.value}" cannot be a slug: use letters, digits, "-" and "_" (no "/", ".", spaces), starting with a letter or digit`,
  slugLong: () => 'the slug is longer than 100 characters',
  dateFormat: (p) => `"${p.value}" is not a date; use YYYY-MM-DD, "YYYY-MM-DD HH:mm" or an ISO date-time such as 2019-11-01T19:00:00+09:00`,
  dateCalendar: (p) => `${p.value} is not a day of the calendar`,
  timeOfDay: (p) => `${p.value} is not a time of day`,
  offset: (p) => `${p.value} is not a UTC offset`,
  exists: (p) => `${p.value} already exists; choose another slug, or pass --force to overwrite it`,
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
  slugChars: (p) => `「${p.value}」はスラッグに使えません。英数字・「-」・「_」だけを使い（「/」「.」空白は不可）、英数字で始めてください`,
  slugLong: () => 'スラッグが100文字を超えています',
  dateFormat: (p) => `「${p.value}」は日付ではありません。YYYY-MM-DD、「YYYY-MM-DD HH:mm」または 2019-11-01T19:00:00+09:00 のようなISO形式で入力してください`,
  dateCalendar: (p) => `${p.value} は存在しない日付です`,
  timeOfDay: (p) => `${p.value} は正しい時刻ではありません`,
  offset: (p) => `${p.value} は正しいUTCオフセットではありません`,
  exists: (p) => `${p.value} はすでにあります。別のスラッグにするか、上書きするなら --force を付けてください`,
};

const WORDING: Record<Language, Wording> = { en, ja };

export function describeProblem(problem: Problem, language: Language): string {
  const word = WORDING[language][problem.id] as (p: Problem) => string;
  return word(problem);
}
