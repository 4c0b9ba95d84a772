import { describe, expect, it } from 'vitest';
import { normalizeArguments } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';
import { copySite } from '../helpers/site.js';

describe('global options before the command, and help', () => {
  it('moves -C and --no-color to after the command (after tags\'s subcommand too)', () => {
    expect(normalizeArguments(['-C', 'site', 'lint', 'a.md'])).toEqual(['lint', '-C', 'site', 'a.md']);
    expect(normalizeArguments(['--no-color', '--cwd=site', 'tags', 'rename', 'a', 'b'])).toEqual(['tags', 'rename', '--no-color', '--cwd=site', 'a', 'b']);
    expect(normalizeArguments(['help', 'lint'])).toEqual(['lint', '--help']);
    expect(normalizeArguments(['lint', '-C', 'site'])).toEqual(['lint', '-C', 'site']);
  });

  it('runs `meetup-note -C <site> lint` and `meetup-note --no-color -C <site> tags`, as after the command', async () => {
    const dir = copySite('example');
    const cwd = `${dir}/..`;
    const lint = await runCli(['-C', dir, 'lint'], { cwd });
    expect(lint.code, lint.stderr).toBe(0);
    const tags = await runCli(['--no-color', '-C', dir, 'tags', '--yes'], { cwd });
    expect(tags.code, tags.stderr).toBe(0);
    expect(tags.stdout).toContain('categories');
  });

  it('answers `help lint`, shows tags list\'s options under `tags --help`, and lists the global options', async () => {
    const cwd = copySite('example');
    expect((await runCli(['help', 'lint'], { cwd })).stdout).toMatch(/^Usage: meetup-note lint \[options\] \[paths\.\.\.\]/);
    const tags = (await runCli(['tags', '--help'], { cwd })).stdout;
    expect(tags).toContain('--taxonomy <name>');
    expect(tags).toContain('--no-cache');
    expect((await runCli(['--help'], { cwd })).stdout).toContain('Global options (before or after the command):\n  -C, --cwd <dir>');
  });
});
