import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO, copySite, snapshotTree } from '../helpers/site.js';

/** The `npx meetup-note ...` commands of the README's quick start, split into arguments. */
function quickStartCommands(): string[][] {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const block = /## Quick start[\s\S]*?Then, right away[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.startsWith('npx meetup-note '))
    .map((line) => [...line.slice('npx meetup-note '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!));
}

describe('the README quick start', () => {
  it('runs as written against a copy of examples/site', async () => {
    const commands = quickStartCommands();
    expect(commands.map((args) => args[0])).toEqual(['new', 'new', 'lint', 'tags']);
    const site = copySite('example');
    const before = snapshotTree(site);
    for (const args of commands) {
      const result = await runCli(
        args.map((a) => (a === 'examples/site' ? site : a)),
        { cwd: REPO },
      );
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    }
    expect(snapshotTree(site)).toEqual(before);
  });
});
