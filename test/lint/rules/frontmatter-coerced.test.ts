import { frontmatterCoerced } from '../../../src/lint/rules/frontmatter-coerced.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(frontmatterCoerced, {
  valid: [
    '+++\ntitle = "x"\ndate = 2019-11-01\ndraft = false\ntags = ["Go", "2024"]\ncategories = []\n+++\n',
    '---\ntitle: x\ncategories: null\ntags: ~\ndraft: true\n---\n',
    // A table Hugo drops is frontmatter-fields' error, not a conversion.
    '+++\ntitle = "x"\ntags = [["a"]]\n+++\n',
  ],
  invalid: [
    {
      code: '---\ntitle: x\ntags: [Cooking, 2024]\n---\n',
      errors: [
        {
          message: 'tags holds 2024, not a string: Hugo makes it the term "2024"; quote it if that is what you mean',
          line: 3,
        },
      ],
    },
    {
      code: '---\ntitle: x\ntags: [Go, true, 1.10]\n---\n',
      errors: [
        { message: /holds true, not a string: Hugo makes it the term "true"/ },
        { message: /holds 1\.1, not a string: Hugo makes it the term "1\.1"/ },
      ],
    },
    {
      code: '---\ntitle: x\ncategories: octopress\n---\n',
      errors: [
        {
          message:
            'categories is one value, not a list: Hugo reads it as the one term "octopress"; write categories = ' +
            '["octopress"]',
        },
      ],
    },
    {
      code: '+++\ntitle = "x"\ntags = "Go"\n+++\n',
      errors: [{ message: /^tags is one value, not a list: Hugo reads it as the one term "Go"/ }],
    },
    { code: '{\n"title": "x",\n"tags": ["Go", 1]\n}\n', errors: [{ message: /^tags holds 1, not a string/ }] },
    // YAML 1.1's yes is true to Hugo's go-yaml (the page is a draft: checked with hugo).
    {
      code: '---\ntitle: x\ndraft: yes\n---\n',
      errors: [{ message: /^draft is yes, not true or false: Hugo reads it as true/ }],
    },
    {
      code: '+++\ntitle = "x"\ndraft = "true"\n+++\n',
      errors: [
        {
          message:
            'draft is "true", not true or false: Hugo reads it as true (the post is a draft and is not published); ' +
            'write draft = true',
          line: 3,
        },
      ],
    },
    {
      code: '---\ntitle: x\ntags: [Go, 2024]\n---\n',
      language: 'ja',
      errors: [
        {
          message:
            'tags に文字列でない 2024 があります。Hugo はこれを「2024」という語にします。その意図なら引用符で囲んでください',
        },
      ],
    },
  ],
});
