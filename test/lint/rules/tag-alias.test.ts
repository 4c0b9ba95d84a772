import { tagAlias } from '../../../src/lint/rules/tag-alias.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(tagAlias, {
  valid: ['+++\ntags = ["Go"]\n+++\n', { code: '+++\ntags = ["Golang"]\n+++\n', site: { aliases: {} } }],
  invalid: [
    {
      code: '+++\ntags = ["Golang", "Rust"]\n+++\n',
      errors: [
        { message: '"Golang" is an alias of "Go" (meetup-note.toml [aliases]); write "Go"', line: 2, column: 9 },
      ],
      output: '+++\ntags = ["Go", "Rust"]\n+++\n',
    },
    { code: "+++\ntags = ['golang']\n+++\n", errors: [{}], output: "+++\ntags = ['Go']\n+++\n" },
    { code: '+++\ntags = ["Go", "Golang"]\n+++\n', errors: [{}], output: '+++\ntags = ["Go"]\n+++\n' },
    { code: '---\ntags:\n  - Golang\n---\n', errors: [{}], output: '---\ntags:\n  - Go\n---\n' },
    {
      code: '+++\ntags = ["HTML & CSS"]\n+++\n',
      site: { aliases: { 'HTML & CSS': 'HTML/CSS' } },
      errors: [{}],
      output: '+++\ntags = ["HTML/CSS"]\n+++\n',
    },
  ],
});
