// Biome formats code to 120 columns but leaves long strings and comments as they are: this says where one is left.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const files = execFileSync('git', ['ls-files', 'src', 'test', 'bench', 'bin', 'scripts'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|mjs|js)$/.test(file) && !file.startsWith('test/fixtures/'));
const long = [];
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      // Characters, as editors count columns for code; a CJK character is one.
      if ([...line].length > LIMIT) long.push(`${file}:${i + 1}: ${[...line].length} columns`);
    });
}
if (long.length) {
  process.stderr.write(`${long.join('\n')}\n${long.length} lines are longer than ${LIMIT} columns\n`);
  process.exitCode = 1;
}
