import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_END_HEADINGS, DEFAULT_END_MARKER } from '../../src/config/load.js';
import { splitFrontMatter } from '../../src/post/frontmatter.js';
import {
  UnclosedBlockError,
  applyEdit,
  findQaBlock,
  nextSessionNumber,
  outlineBody,
  planQaInsert,
  planSessionInsert,
} from '../../src/post/sessions.js';

const settings = { endMarker: DEFAULT_END_MARKER, endHeadings: DEFAULT_END_HEADINGS.ja };

function bodyStart(text: string): number {
  const split = splitFrontMatter(text);
  if (split.kind !== 'found') throw new Error('no front matter');
  return split.frontMatter.bodyStart;
}

function addSession(text: string, section = '# N. New\n\nbody\n'): string {
  const start = bodyStart(text);
  const outline = outlineBody(text, start, settings);
  return applyEdit(
    text,
    planSessionInsert(text, start, outline, section.replace('N', String(nextSessionNumber(outline)))),
  );
}

function addQa(text: string, number?: number, pairs = 'Q. new?\n\nA. yes\n'): string {
  const outline = outlineBody(text, bodyStart(text), settings);
  const session = number === undefined ? outline.sessions.at(-1)! : outline.sessions.find((s) => s.number === number)!;
  return applyEdit(
    text,
    planQaInsert(
      text,
      outline,
      session,
      (heading, after) => `${heading ? '## Q&A\n\n' : ''}${after ? '<br>\n\n' : ''}${pairs}`,
    ),
  );
}

const FM = '+++\ntitle = "x"\n+++\n';

describe('outlineBody', () => {
  it('finds numbered talks, not those in code or comments, and the closing part', () => {
    const text =
      `${FM}\n# 1. One\n\ntext\n\n\`\`\`md\n# 2. in code\n\`\`\`\n<!--\n# 3. in a comment\n-->\n# 2. ` +
      `Two\n## まとめ of talk 2\n# まとめ\n\nbye\n`;
    const outline = outlineBody(text, bodyStart(text), settings);
    expect(outline.sessions.map((s) => [s.number, s.title])).toEqual([
      [1, 'One'],
      [2, 'Two'],
    ]);
    expect(text.slice(outline.closingStart!)).toBe('# まとめ\n\nbye\n');
    expect(text.slice(outline.sessions[1]!.start, outline.sessions[1]!.end)).toBe('# 2. Two\n## まとめ of talk 2\n');
  });

  it('takes the marker comment as the end of the talks', () => {
    const text = `${FM}# 1. One\n<!-- meetup-note:end -->\n# 懇親会\n`;
    const outline = outlineBody(text, bodyStart(text), settings);
    expect(text.slice(outline.closingStart!)).toBe('<!-- meetup-note:end -->\n# 懇親会\n');
  });
});

describe('planSessionInsert', () => {
  it('appends after the last content, one blank line apart, keeping trailing blank lines', () => {
    expect(addSession(`${FM}\n# 1. One\n\ntext\n\n\n`)).toBe(`${FM}\n# 1. One\n\ntext\n\n# 2. New\n\nbody\n\n\n`);
  });

  it('goes before a closing heading', () => {
    expect(addSession(`${FM}# 1. One\ntext\n\n# まとめ\nbye\n`)).toBe(
      `${FM}# 1. One\ntext\n\n# 2. New\n\nbody\n\n# まとめ\nbye\n`,
    );
    expect(addSession(`${FM}# 1. One\ntext\n# 懇親会\n`)).toBe(`${FM}# 1. One\ntext\n\n# 2. New\n\nbody\n\n# 懇親会\n`);
  });

  it('goes before the marker comment', () => {
    expect(addSession(`${FM}# 1. One\n\n<!-- meetup-note:end -->\n`)).toBe(
      `${FM}# 1. One\n\n# 2. New\n\nbody\n\n<!-- meetup-note:end -->\n`,
    );
  });

  it('numbers the first talk 1 and follows the last number', () => {
    expect(addSession(`${FM}intro\n`)).toBe(`${FM}intro\n\n# 1. New\n\nbody\n`);
    expect(addSession(`${FM}# 7. Seven\n`)).toContain('# 8. New');
  });

  it('keeps CRLF, a BOM and a missing final newline', () => {
    const text = `\uFEFF+++\r\ntitle = "x"\r\n+++\r\n\r\n# 1. One\r\ntext`;
    expect(addSession(text)).toBe(
      `\uFEFF+++\r\ntitle = "x"\r\n+++\r\n\r\n# 1. One\r\ntext\r\n\r\n# 2. New\r\n\r\nbody`,
    );
  });

  it('writes into an empty body', () => {
    expect(addSession('+++\n+++\n')).toBe('+++\n+++\n\n# 1. New\n\nbody\n');
    expect(addSession('+++\n+++')).toBe('+++\n+++\n\n# 1. New\n\nbody\n');
  });
});

describe('planQaInsert', () => {
  it('adds to the existing Q&A block of the talk, after its last pair', () => {
    const text = `${FM}# 1. One\n## Q&A\n\nQ. a\n\nA. b\n\n# 2. Two\n`;
    expect(addQa(text, 1)).toBe(`${FM}# 1. One\n## Q&A\n\nQ. a\n\nA. b\n\n<br>\n\nQ. new?\n\nA. yes\n\n# 2. Two\n`);
  });

  it('starts a Q&A block at the end of the talk, never in the next one', () => {
    const text = `${FM}# 1. One\nnotes\n# 2. Two\n## Q&A\nQ. x\n`;
    expect(addQa(text, 1)).toBe(`${FM}# 1. One\nnotes\n\n## Q&A\n\nQ. new?\n\nA. yes\n\n# 2. Two\n## Q&A\nQ. x\n`);
  });

  it('ends the Q&A block at the next heading of its level', () => {
    const text = `${FM}# 1. One\n## Q&A\nQ. a\n## Notes\nmore\n`;
    const outline = outlineBody(text, bodyStart(text), settings);
    const block = findQaBlock(text, outline, outline.sessions[0]!)!;
    expect(text.slice(block.start, block.end)).toBe('## Q&A\nQ. a\n');
    expect(addQa(text, 1)).toBe(`${FM}# 1. One\n## Q&A\nQ. a\n\n<br>\n\nQ. new?\n\nA. yes\n\n## Notes\nmore\n`);
  });

  it('recognizes 質疑応答 and Q＆A headings and stops before the closing part', () => {
    const text = `${FM}# 1. One\n### 質疑応答\n\n# まとめ\n`;
    expect(addQa(text)).toBe(`${FM}# 1. One\n### 質疑応答\n\nQ. new?\n\nA. yes\n\n# まとめ\n`);
  });
});

/**
 * Random posts: front matter with odd spacing, LF or CRLF, BOM or not, talks, code, closing parts, no final newline.
 */
const lineArb = fc.oneof(
  fc.constantFrom(
    'text',
    '',
    '  ',
    '# 1. One',
    '# 2. Two',
    '## Q&A',
    'Q. q',
    'A. a',
    '```',
    '# まとめ',
    '<!-- meetup-note:end -->',
    '  trailing  ',
    '# heading',
    '<!--',
    '-->',
    '~~~',
  ),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '')),
);
const postArb = fc
  .record({
    bom: fc.boolean(),
    crlf: fc.boolean(),
    frontMatter: fc.constantFrom(
      'title = "x"',
      'title="x"   # comment',
      '  title   =   "x"  ',
      'tags = [ "a" ,"b" ]\n\n',
    ),
    lines: fc.array(lineArb, { maxLength: 25 }),
    finalNewline: fc.boolean(),
  })
  .map(({ bom, crlf, frontMatter, lines, finalNewline }) => {
    const eol = crlf ? '\r\n' : '\n';
    const head = `${bom ? '\uFEFF' : ''}+++${eol}${frontMatter.replace(/\n/g, eol)}${eol}+++${eol}`;
    const text = `${head}${lines.join(eol)}${finalNewline && lines.length ? eol : ''}`;
    return { text, eol };
  });

describe('unclosed blocks', () => {
  it('refuses to append into a code fence or comment left open', () => {
    for (const text of [`${FM}# 1. One\n\`\`\`go\ncode\n`, `${FM}# 1. One\n<!-- draft\n`]) {
      expect(() => addSession(text)).toThrow(UnclosedBlockError);
      expect(() => addQa(text)).toThrow(UnclosedBlockError);
    }
  });
});

/** Plans the edit, or undefined when the post ends in an unclosed block (a clear error for the writer). */
function plan<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch (error) {
    if (error instanceof UnclosedBlockError) return undefined;
    throw error;
  }
}

describe('edits keep every other byte (property)', () => {
  it('add-session: the result minus the insertion is the original', () => {
    fc.assert(
      fc.property(postArb, ({ text, eol }) => {
        const start = bodyStart(text);
        const outline = outlineBody(text, start, settings);
        const edit = plan(() => planSessionInsert(text, start, outline, '# 9. New\n\nbody\n'));
        fc.pre(edit !== undefined);
        expect(edit.start).toBe(edit.end);
        expect(edit.start).toBeGreaterThanOrEqual(start);
        const result = applyEdit(text, edit);
        expect(result.slice(0, edit.start) + result.slice(edit.start + edit.text.length)).toBe(text);
        // The inserted text follows the file's line breaks.
        expect(edit.text.replace(/\r\n/g, '')).not.toContain(eol === '\r\n' ? '\n' : '\r');
        // It lands after the last talk and before the closing part.
        const last = outline.sessions.at(-1);
        if (last) expect(edit.start).toBeGreaterThan(last.start);
        if (outline.closingStart !== undefined) expect(edit.start).toBeLessThanOrEqual(outline.closingStart);
        // The new talk is found again, numbered after the last one.
        const after = outlineBody(result, start, settings);
        expect(after.sessions.map((s) => s.title)).toContain('New');
      }),
      { numRuns: 3000 },
    );
  });

  it('add-qa: the result minus the insertion is the original, inside the chosen talk', () => {
    fc.assert(
      fc.property(postArb, fc.nat(5), ({ text }, pick) => {
        const outline = outlineBody(text, bodyStart(text), settings);
        fc.pre(outline.sessions.length > 0);
        const session = outline.sessions[pick % outline.sessions.length]!;
        const edit = plan(() =>
          planQaInsert(text, outline, session, (heading) => `${heading ? '## Q&A\n\n' : ''}Q. new\n\nA. yes\n`),
        );
        fc.pre(edit !== undefined);
        const result = applyEdit(text, edit);
        expect(result.slice(0, edit.start) + result.slice(edit.start + edit.text.length)).toBe(text);
        expect(edit.start).toBeGreaterThan(session.start);
        expect(edit.start).toBeLessThanOrEqual(session.end);
      }),
      { numRuns: 3000 },
    );
  });
});
