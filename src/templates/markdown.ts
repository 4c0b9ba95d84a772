/**
 * Escapes text so Markdown (goldmark) and Hugo show it as typed: `[`, `*`, `_`, `<` and friends get a
 * backslash; `{{` is broken so it cannot open a Hugo shortcode; a trailing `#` is not eaten as the
 * closing sequence of a heading. A line break typed in a multi-line answer becomes a Markdown hard
 * break (a backslash at the end of the line, no raw HTML), and the next line cannot start a list or heading.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => {
      const escaped = line
        .replace(/[\\`*_[\]<>&~|]/g, '\\$&')
        .replace(/\{\{/g, '{\\{')
        .replace(/#+$/, (hashes) => hashes.replace(/#/g, '\\#'));
      return i === 0 ? escaped : escaped.replace(/^(\s*)([-+#=]|\d+(?=[.)]))/, (_, space: string, marker: string) => (/\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
    })
    .join('\\\n');
}

/** A URL as a Markdown link destination: spaces and parentheses percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
