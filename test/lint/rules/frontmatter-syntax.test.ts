import { frontmatterSyntax } from '../../../src/lint/rules/frontmatter-syntax.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(frontmatterSyntax, {
  valid: [
    '+++\ntitle = "x"\n+++\n',
    '---\ntitle: x\ntags: [a, b]\n---\n',
    '{\n  "title": "x"\n}\nbody\n',
    '\uFEFF+++\r\ntitle = "x" # a comment\r\n+++\r\n',
    '# no front matter at all\n',
    '',
  ],
  invalid: [
    {
      code: '+++\ntitle = "x"\n\nbody\n',
      errors: [
        { message: 'the front matter opened with +++ is never closed; add a line +++ after it', line: 1, column: 1 },
      ],
    },
    { code: '---\ntitle: x\n', errors: [{ message: /opened with --- is never closed/ }] },
    {
      code: '+++\ntitle = "x"\ntags = ["a",\n+++\n',
      errors: [{ message: /^invalid TOML in the front matter: /, line: 4 }],
    },
    {
      code: '+++\ntitle = "x"\ntitle = "y"\n+++\n',
      errors: [{ message: /^invalid TOML in the front matter: /, line: 3 }],
    },
    { code: '---\ntitle: [x\n---\n', errors: [{ message: /^invalid YAML in the front matter: / }] },
    { code: '---\n- just\n- a list\n---\n', errors: [{ message: /must be a table of keys and values/ }] },
  ],
});
