import { tagVariant } from '../../../src/lint/rules/tag-variant.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const post = (tags: string) => `+++\ntitle = "x"\ntags = [${tags}]\n+++\n`;
const site = [post('"Go"'), post('"Go", "Rust"'), post('"Go"')];

ruleTester(tagVariant, {
  valid: [
    { code: post('"Go"'), others: site },
    { code: post('"Rust", "go"'), others: [] },
    { code: post('"Golang"'), others: [post('"golang"'), post('"golang"')] },
    { code: post('"Go", "go"'), others: site },
  ],
  invalid: [
    {
      code: post('"go", "Rust"'),
      others: site,
      errors: [
        {
          message:
            '"go" is another spelling of "Go": 3 posts spell it "Go", and Hugo files both under one page with ' +
            'whichever title comes first; write "Go"',
          line: 3,
          column: 9,
        },
      ],
      output: post('"Go", "Rust"'),
    },
    { code: post('"ＧＯ"'), others: site, errors: [{}], output: post('"Go"') },
    {
      code: post('"rust"'),
      others: site,
      site: { vocabulary: { tags: ['RUST'] } },
      errors: [
        {
          message:
            '"rust" is another spelling of "RUST": the tags vocabulary of meetup-note.toml spells it "RUST", and ' +
            'Hugo files both under one page with whichever title comes first; write "RUST"',
        },
      ],
      output: post('"RUST"'),
    },
    {
      code: post('"golang"'),
      others: [post('"Golang"'), post('"Golang"')],
      site: { aliases: {} },
      errors: [{}],
      output: post('"Golang"'),
    },
    {
      code: '---\ntags: [go, "Rust"]\n---\n',
      others: site,
      language: 'ja',
      errors: [{ message: /^「go」は「Go」の表記揺れです。3 件の記事が「Go」と書いています。/ }],
      output: '---\ntags: [Go, "Rust"]\n---\n',
    },
  ],
});
