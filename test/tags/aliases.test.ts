import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { withAlias } from '../../src/tags/aliases.js';

describe('withAlias', () => {
  it('creates the file when there is none', () => {
    expect(withAlias(undefined, 'golang', 'Go', 'm.toml')).toBe('[aliases]\ngolang = "Go"\n');
  });

  it('adds a line at the end of [aliases], keeping comments and what follows', () => {
    const text = 'language = "en"\n\n[aliases] # spellings\nGolang = "Go"  # old\n\n[lint.rules]\nimage-alt = "off"\n';
    expect(withAlias(text, 'HTML & CSS', 'HTML/CSS', 'm.toml')).toBe(
      'language = "en"\n\n[aliases] # spellings\nGolang = "Go"  # old\n"HTML & CSS" = ' +
        '"HTML/CSS"\n\n[lint.rules]\nimage-alt = "off"\n',
    );
  });

  it('replaces the value when the alias is there, and follows CRLF and a missing final newline', () => {
    expect(withAlias('[aliases]\r\nGolang = "Golang"', 'Golang', 'Go', 'm.toml')).toBe('[aliases]\r\nGolang = "Go"');
    expect(withAlias('title = "x"', 'a', 'b', 'm.toml')).toBe('title = "x"\n\n[aliases]\na = "b"\n');
    expect(withAlias('[aliases]\r\nx = "y"', 'a', 'b', 'm.toml')).toBe('[aliases]\r\nx = "y"\r\na = "b"');
  });

  it('writes any term as valid TOML', () => {
    const text = withAlias('[aliases]\n', 'a"b\\c 日本', 'd', 'm.toml');
    expect(parse(text)).toEqual({ aliases: { 'a"b\\c 日本': 'd' } });
  });

  it('refuses aliases written inline', () => {
    expect(() => withAlias('aliases = { a = "b" }\n', 'c', 'd', 'm.toml')).toThrow(ConfigError);
  });
});
