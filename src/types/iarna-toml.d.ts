declare module '@iarna/toml/parse-string.js' {
  /** Parses TOML; errors carry 0-based `line` and `col`. */
  export default function parseString(text: string): Record<string, unknown>;
}
