import { frontmatterDate } from '../../../src/lint/rules/frontmatter-date.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(frontmatterDate, {
  valid: [
    '+++\ntitle = "x"\ndate = 2019-11-01T19:00:00+09:00\n+++\n',
    // Hugo falls back to publishDate, then lastmod.
    '+++\ntitle = "x"\npublishDate = 2019-11-01\n+++\n',
    "---\ntitle: x\ndate: ''\nlastmod: 2019-11-01\n---\n",
    // Standalone pages at the top (PaperMod's archives.md, search.md), list pages, headless bundles.
    { code: '+++\ntitle = "Archives"\nlayout = "archives"\n+++\n', file: 'content/archives.md' },
    { code: '+++\ntitle = "section"\n+++\n', file: 'content/posts/_index.md' },
    { code: '+++\nheadless = true\n+++\n', file: 'content/posts/widgets/index.md' },
    // A section where pages carry no dates (docs), and a site that does not require dates.
    { code: '+++\ntitle = "Install"\n+++\n', file: 'content/docs/install.md' },
    {
      code: '+++\ntitle = "x"\n+++\n',
      site: { lint: { rules: {}, requiredFields: ['title'], imageKeys: ['images'], ruleSources: {} } },
    },
    // Front matter that cannot be read is frontmatter-syntax's.
    '+++\ntitle = \n+++\n',
  ],
  invalid: [
    {
      code: '+++\ntitle = "x"\n+++\n',
      errors: [
        {
          message:
            'no date (date, publishDate or lastmod): the other posts in "posts" have one, and Hugo dates this one ' +
            '0001-01-01; add date = ...',
          line: 1,
        },
      ],
    },
    { code: '---\ntitle: x\ndate: ""\n---\n', errors: [{ message: /^no date/ }] },
    {
      code: '+++\ntitle = "About"\n+++\n',
      file: 'content/about.md',
      datedSections: ['posts', ''],
      errors: [{ message: /the other posts in the top of the content folder/ }],
    },
    {
      code: '+++\ntitle = "Install"\n+++\n',
      file: 'content/docs/install.md',
      datedSections: ['posts', 'docs'],
      errors: [{ message: /"docs"/ }],
    },
    {
      code: '+++\ntitle = "x"\n+++\n',
      language: 'ja',
      errors: [
        {
          message:
            '日付（date、publishDate、lastmod）がありません。「posts」の他の記事には日付があり、Hugo はこの記事を 0001-01-01 の日付にします。date = ... ' +
            'を追加してください',
        },
      ],
    },
  ],
});
