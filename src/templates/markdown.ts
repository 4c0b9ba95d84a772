/**
 * Text as the writer typed it, in a Markdown blog: `[links]`, `*emphasis*`, `` `code` `` and
 * `@handle_names` stay as typed. Only what would change the structure of the post is escaped:
 * `{{<` and `{{%` (Hugo would run a shortcode), `<!--` (a comment would hide the rest of the post,
 * the end marker among it), a closing `#` run after a space (a heading would lose it), and on the
 * lines after a typed line break, a leading mark that would start a heading, quote, list, code
 * fence, HTML block or break (`#`, `>`, `-`, `+`, `*`, `=`, `_`, `` ` ``, `~`, `<`, `1.`). A typed
 * line break becomes a Markdown hard break (a backslash at the end of the line, no raw HTML).
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => {
      const escaped = line
        .replace(/\{\{(?=[<%])/g, '{\\{')
        .replace(/<!--/g, '&lt;!--')
        .replace(
          /([ \t])(#+)([ \t]*)$/,
          (_, space: string, hashes: string, end: string) => `${space}${hashes.replace(/#/g, '\\#')}${end}`,
        );
      if (i === 0) return escaped;
      // After a hard break the line continues the paragraph, unless its first mark starts a block.
      return escaped
        .replace(/^[ \t]*/, '')
        .replace(/^([-+*#>=_`~<]|\d+(?=[.)]))/, (marker: string) =>
          /\d/.test(marker) ? `${marker}\\` : `\\${marker}`,
        );
    })
    .join('\\\n');
}

/** A URL as a Markdown link destination: spaces and parentheses percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
