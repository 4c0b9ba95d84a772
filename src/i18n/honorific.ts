/** Japanese honorifics a writer types after a name: one is enough. */
const HONORIFIC = /(さん|様|さま|氏|先生|くん|君|ちゃん)$/;

/** The honorific the Japanese templates put after a name: さん, unless the writer typed one already. */
export function honorificFor(name: string): string {
  return HONORIFIC.test(name.trim()) ? '' : 'さん';
}

/** A name as Japanese messages say it: `鈴木 さん`, but `鈴木さん` and `田中先生` as typed. */
export function withHonorific(name: string): string {
  const honorific = honorificFor(name);
  return honorific ? `${name} ${honorific}` : name;
}
