import { tagDuplicate } from '../../../src/lint/rules/tag-duplicate.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(tagDuplicate, {
  valid: ['+++\ntags = ["Go", "Rust"]\ncategories = ["Go"]\n+++\n'],
  invalid: [
    {
      code: '+++\ntags = ["Go", "Rust", "Go"]\n+++\n',
      errors: [{ message: 'tags has "Go" twice; remove this one', line: 2, column: 23 }],
      output: '+++\ntags = ["Go", "Rust"]\n+++\n',
    },
    {
      code: '+++\ntags = ["go", "ＧＯ", "Rust"]\n+++\n',
      errors: [{ message: 'tags has "ＧＯ" twice (as "go"); remove this one' }],
      output: '+++\ntags = ["go", "Rust"]\n+++\n',
    },
    { code: '+++\ncategories = [ \'Go\' ,"go" ]\n+++\n', errors: [{}], output: "+++\ncategories = [ 'Go' ]\n+++\n" },
    { code: '---\ntags: [Go, go]\n---\n', errors: [{}], output: '---\ntags: [Go]\n---\n' },
  ],
});
