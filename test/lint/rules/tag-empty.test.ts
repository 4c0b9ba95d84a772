import { tagEmpty } from '../../../src/lint/rules/tag-empty.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(tagEmpty, {
  valid: ['+++\ntags = ["Go"]\ncategories = []\n+++\n', '---\ntags: [Go]\n---\n'],
  invalid: [
    {
      code: '+++\ntags = ["Go", ""]\n+++\n',
      errors: [{ message: 'empty term in tags; remove it', line: 2, column: 15 }],
      output: '+++\ntags = ["Go"]\n+++\n',
    },
    { code: '+++\ntags = ["  ", "Go"]\n+++\n', errors: [{}], output: '+++\ntags = ["Go"]\n+++\n' },
    { code: '+++\ntags = [""]\n+++\n', errors: [{}], output: '+++\ntags = []\n+++\n' },
    { code: '---\ntags:\n  - Go\n  - ""\n---\n', errors: [{ line: 4 }], output: '---\ntags:\n  - Go\n---\n' },
    { code: '+++\ntags = [\n  "Go", # keep this comment\n  "",\n]\n+++\n', errors: [{}] },
  ],
});
