import { dateFuture } from '../../../src/lint/rules/date-future.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const now = '2026-11-25T12:00:00Z';

ruleTester(dateFuture, {
  valid: [
    { code: '+++\ndate = 2026-11-25T20:00:00+09:00\n+++\n', now },
    { code: '+++\ndate = 2026-11-25\n+++\n', now },
    // Without an offset, a date counts from its earliest meaning (UTC+14): 2026-11-26 00:00 at UTC+14 is 10:00 UTC on
    // the 25th.
    { code: '+++\ndate = 2026-11-26\n+++\n', now },
    { code: '+++\ndate = 2030-01-01T00:00:00Z\ndraft = true\n+++\n', now },
    { code: '+++\ndate = 2023-02-30\n+++\n', now },
  ],
  invalid: [
    {
      code: '+++\ndate = 2030-01-01T00:00:00Z\n+++\n',
      now,
      errors: [
        {
          message:
            'date 2030-01-01T00:00:00Z is in the future: Hugo will not publish this post before then (unless built ' +
            'with --buildFuture)',
          line: 2,
          column: 8,
        },
      ],
    },
    {
      code: '+++\ndate = 2026-11-25T20:00:00+09:00\npublishDate = "2026-12-24"\n+++\n',
      now,
      errors: [{ message: /^publishDate 2026-12-24 is in the future/ }],
    },
    { code: '---\ndate: 2027-01-01\n---\n', now, errors: [{ line: 2 }] },
  ],
});
