import { frontmatterFields } from '../../../src/lint/rules/frontmatter-fields.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(frontmatterFields, {
  valid: [
    '+++\ntitle = "x"\ndate = 2019-11-01T19:00:00+09:00\ndraft = false\ntags = ["Go"]\ncategories = []\n+++\n',
    '+++\nTitle = "x"\nDate = 2024-02-29\n+++\n',
    '---\ntitle: x\ndate: 2019-11-01\nlastmod: "2019-11-02T10:00:00Z"\n---\n',
    '+++\ntitle = "x"\ndate = "Fri, 01 Nov 2019 19:00:00 +0900"\n+++\n',
    { code: '+++\ntitle = "section"\n+++\n', file: 'content/posts/_index.md' },
    { code: 'plain list page\n', file: 'content/_index.md' },
    { code: '+++\ntitle = "x"\n+++\n', site: { lint: { rules: {}, requiredFields: ['title'], imageKeys: ['images'], ruleSources: {} } } },
  ],
  invalid: [
    { code: '+++\ntitle = "x"\n+++\n', errors: [{ message: '"date" is missing from the front matter; add it', line: 1 }] },
    { code: '+++\ntitle = ""\ndate = 2020-01-01\n+++\n', errors: [{ message: '"title" is empty; give it a value', line: 2, column: 9 }] },
    { code: 'no front matter\n', errors: [{ message: 'no front matter; start the post with +++ and title, date (Hugo needs them to list the post)' }] },
    { code: '', errors: [{ message: /^no front matter/ }] },
    {
      code: '+++\ntitle = "x"\ndate = 2023-02-30\n+++\n',
      errors: [{ message: 'date 2023-02-30 is not a day of the calendar (February 2023 has 28 days); TOML and YAML parsers would silently move it to another day', line: 3, column: 8 }],
    },
    { code: '---\ntitle: x\ndate: "2023-04-31T10:00:00+09:00"\n---\n', errors: [{ message: /^date 2023-04-31T10:00:00\+09:00 is not a day of the calendar \(April 2023 has 30 days\)/ }] },
    { code: '+++\ntitle = "x"\ndate = 2020-01-01\nlastmod = "yesterday"\n+++\n', errors: [{ message: 'lastmod "yesterday" is not a date; write it like 2019-11-01T19:00:00+09:00' }] },
    { code: '---\ntitle: x\ndate: "2020-01-01T25:00:00Z"\n---\n', errors: [{ message: 'date 2020-01-01T25:00:00Z has a time of day that does not exist' }] },
    { code: '+++\ntitle = "x"\ndate = 2020-01-01\ndraft = "false"\n+++\n', errors: [{ message: 'draft must be true or false without quotes, not "false"', line: 4 }] },
    { code: '+++\ntitle = "x"\ndate = 2020-01-01\ntags = "Go"\n+++\n', errors: [{ message: 'tags must be a list of strings, e.g. tags = ["Go", "勉強会"]', line: 4 }] },
    { code: '---\ntitle: x\ndate: 2020-01-01\ncategories: [Go, 3]\n---\n', errors: [{ message: /^categories must be a list of strings/ }] },
    {
      code: '+++\ntitle = "x"\n+++\n',
      language: 'ja',
      errors: [{ message: 'フロントマターに「date」がありません。追加してください' }],
    },
  ],
});
