/**
 * Text from event pages, posts, file names and config is untrusted: before it reaches a terminal,
 * C0/C1 control characters (but tab and newline) and bidi overrides are shown escaped (`\x07`,
 * `\u202e`), so a page or a file name cannot move the cursor, recolour the screen or reverse a line.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The colour sequences meetup-note writes itself (chalk's SGR): kept where the caller allows them.
const UNSAFE_OR_SGR = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character escaped; a CR before a newline stays (CRLF text). */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (char, offset: number) =>
    char === '\r' && text[offset + 1] === '\n' ? char : escapeChar(char),
  );
}

/** As `sanitize`, keeping SGR colour sequences: for output whose untrusted parts were sanitized before colouring. */
export function sanitizeKeepingColor(text: string): string {
  return text.replace(UNSAFE_OR_SGR, (match, offset: number) => {
    if (match.length > 1 || (match === '\r' && text[offset + 1] === '\n')) return match;
    return escapeChar(match);
  });
}

/** JSON as data stays exact, but C1 controls and bidi overrides are written as `\u` escapes (the same value). */
export function jsonForTerminal(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
