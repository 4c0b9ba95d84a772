/**
 * Escapes text so Markdown (goldmark) and Hugo show it as typed: `[`, `*`, `_`, `<` and friends get a
 * backslash; `{{` is broken so it cannot open a Hugo shortcode; a trailing `#` is not eaten as the
 * closing sequence of a heading.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&~|]/g, '\\$&')
    .replace(/\{\{/g, '{\\{')
    .replace(/#+$/, (hashes) => hashes.replace(/#/g, '\\#'));
}

/** A URL as a Markdown link destination: spaces and parentheses percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
