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
    // A headless bundle is never rendered as a page: it needs no title.
    { code: '+++\nheadless = true\n+++\n', file: 'content/headless/widgets/index.md' },
    {
      code: '+++\ntitle = "x"\n+++\n',
      site: { lint: { rules: {}, requiredFields: ['title'], imageKeys: ['images'], ruleSources: {} } },
    },
    // The date is frontmatter-date's (needed only in sections of dated posts).
    '+++\ntitle = "x"\n+++\n',
    // Layouts Hugo reads (Go's hour may be one digit), empty values Hugo falls back from, a TOML literal with a
    // lower-case t.
    '+++\ntitle = "x"\ndate = 2019-11-01\nlastmod = "2022-12-14T9:14:26+09:00"\n+++\n',
    "---\ntitle: x\ndate: 2019-11-01 19:00:00 +0900\nlastmod: ''\npublishDate:\n---\n",
    '+++\ntitle = "x"\ndate = 2019-11-01t19:00:00Z\n+++\n',
    // What Hugo converts is frontmatter-coerced's: lone strings, numbers and booleans as terms, draft as a string.
    '+++\ntitle = "x"\ndate = 2020-01-01\ndraft = "false"\ntags = "Go"\n+++\n',
    '---\ntitle: x\ndate: 2020-01-01\ncategories: [Go, 3, true]\ntags: null\n---\n',
  ],
  invalid: [
    {
      code: '+++\ntitle = ""\ndate = 2020-01-01\n+++\n',
      errors: [{ message: '"title" is empty; give it a value', line: 2, column: 9 }],
    },
    {
      code: 'no front matter\n',
      errors: [
        { message: 'no front matter; start the post with +++ and title, date (Hugo needs them to list the post)' },
      ],
    },
    { code: '', errors: [{ message: /^no front matter/ }] },
    {
      code: '+++\ntitle = "x"\ndate = 2023-02-30\n+++\n',
      errors: [
        {
          message:
            'date 2023-02-30 is not a day of the calendar (February 2023 has 28 days); TOML and YAML parsers would ' +
            'silently move it to another day',
          line: 3,
          column: 8,
        },
      ],
    },
    {
      code: '---\ntitle: x\ndate: "2023-04-31T10:00:00+09:00"\n---\n',
      errors: [{ message: /^date 2023-04-31T10:00:00\+09:00 is not a day of the calendar \(April 2023 has 30 days\)/ }],
    },
    {
      code: '+++\ntitle = "x"\ndate = 2020-01-01\nlastmod = "yesterday"\n+++\n',
      errors: [
        {
          message:
            'lastmod "yesterday" is not a date Hugo reads (it dates the page 0001-01-01); write it like ' +
            '2019-11-01T19:00:00+09:00',
        },
      ],
    },
    {
      code: '---\ntitle: x\ndate: "2020-01-01T25:00:00Z"\n---\n',
      errors: [{ message: 'date 2020-01-01T25:00:00Z has a time of day that does not exist' }],
    },
    // Layouts Hugo does not read: no seconds, slashes, English month first, a lower-case t in a string.
    {
      code: '+++\ntitle = "x"\ndate = "2019-11-01 19:00"\n+++\n',
      errors: [{ message: /^date "2019-11-01 19:00" is not a date Hugo reads/ }],
    },
    {
      code: '---\ntitle: x\ndate: 2013-01-06 20:43\n---\n',
      errors: [{ message: /^date "2013-01-06 20:43" is not a date Hugo reads/ }],
    },
    { code: '+++\ntitle = "x"\ndate = "2019/11/01"\n+++\n', errors: [{ message: /is not a date Hugo reads/ }] },
    { code: '+++\ntitle = "x"\ndate = "Nov 1, 2019"\n+++\n', errors: [{ message: /is not a date Hugo reads/ }] },
    {
      code: '+++\ntitle = "x"\ndate = "2019-11-01t19:00:00Z"\n+++\n',
      errors: [{ message: /is not a date Hugo reads/ }],
    },
    {
      code: '+++\ntitle = "x"\ndate = 2020-01-01\ntags = [["a"]]\n+++\n',
      errors: [
        {
          message:
            "tags holds a table or a nested list, which Hugo drops: the post is missing from those terms' pages; " +
            'write tags = ["Go", "勉強会"]',
          line: 4,
        },
      ],
    },
    {
      code: '---\ntitle: x\ndate: 2020-01-01\ntags: {a: 1}\n---\n',
      errors: [{ message: /^tags holds a table or a nested list/ }],
    },
    {
      code: '+++\ntitle = ""\n+++\n',
      language: 'ja',
      errors: [{ message: '「title」が空です。値を入れてください' }],
    },
  ],
});
