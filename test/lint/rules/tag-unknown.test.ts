import { tagUnknown } from '../../../src/lint/rules/tag-unknown.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const vocabulary = { vocabulary: { tags: ['Go', 'Rust', '勉強会'] } };

ruleTester(tagUnknown, {
  valid: [
    '+++\ntags = ["Anything"]\n+++\n',
    { code: '+++\ntags = ["Go", "勉強会"]\ncategories = ["free"]\n+++\n', site: vocabulary },
    { code: '+++\ntags = ["go", "Golang", ""]\n+++\n', site: vocabulary },
  ],
  invalid: [
    {
      code: '+++\ntags = ["Rsut"]\n+++\n',
      site: vocabulary,
      errors: [
        {
          message:
            '"Rsut" is not in the tags vocabulary of meetup-note.toml; did you mean "Rust"? If it is a new term, add ' +
            'it to [taxonomies] tags',
          line: 2,
          column: 9,
        },
      ],
    },
    {
      code: '+++\ntags = ["Kotlin"]\n+++\n',
      site: vocabulary,
      errors: [
        {
          message:
            '"Kotlin" is not in the tags vocabulary of meetup-note.toml; If it is a new term, add it to [taxonomies] ' +
            'tags',
        },
      ],
    },
  ],
});
