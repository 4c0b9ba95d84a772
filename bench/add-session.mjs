// add-session --yes on a 2 MB post (many talks, Q&A, code blocks), against a bare `node -e 0`.
// Usage: node bench/add-session.mjs [runs]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, REPO, compare, table } from './lib.mjs';

const runs = Number(process.argv[2] ?? 30);
const site = mkdtempSync(path.join(tmpdir(), 'meetup-note-bench-'));
cpSync(path.join(REPO, 'examples', 'site'), site, { recursive: true });
const post = path.join(site, 'content', 'blog', 'big.md');

function bigPost() {
  let text = '+++\ntitle = "2 MB report"\ndate = 2024-01-01T19:00:00+09:00\n+++\n\n# Big event\n\n';
  for (let n = 1; text.length < 2 * 1024 * 1024; n++) {
    text += `# ${n}. Talk ${n}\n\n登壇者：@speaker${n} さん\n\n`;
    text += `${'Notes about the talk. '.repeat(40)}\n\n\`\`\`go\n# not a heading\nfunc main() {}\n\`\`\`\n\n`;
    text += `## Q&A\n\nQ. question ${n}?\n\nA. answer ${n}\n\n`;
  }
  return `${text}# まとめ\n\nおわり\n`;
}
const original = bigPost();
const node = process.execPath;

try {
  const rows = compare(
    [
      { name: 'node -e 0', command: node, args: ['-e', '0'] },
      {
        name: 'add-session --yes (2 MB post)',
        command: node,
        args: [
          BIN,
          'add-session',
          post,
          '--yes',
          '--title',
          'bench talk',
          '--speaker',
          '@bench',
          '--question',
          'q',
          '--answer',
          'a',
        ],
        options: { expectStatus: 0 },
        before: () => writeFileSync(post, original),
      },
    ],
    runs,
  );
  console.log(
    `add-session on a ${(original.length / 1024 / 1024).toFixed(1)} MB post, ${runs} runs each, Node ` +
      `${process.version}`,
  );
  console.log(table(rows, 'node -e 0'));
} finally {
  rmSync(site, { recursive: true, force: true });
}
