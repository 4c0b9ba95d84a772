import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { imageCase } from '../../../src/lint/rules/image-case.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';
const nfc = 'caf\u00e9.png';
const nfd = 'cafe\u0301.png';

ruleTester(
  imageCase,
  {
    valid: [`${fm}![ok](/img/Dinner.JPG)\n`, `${fm}![missing is another rule](/img/gone.png)\n`],
    invalid: [
      {
        code: `${fm}![dinner](/img/dinner.jpg)\n`,
        errors: [
          {
            message:
              'static/img/dinner.jpg exists only as Dinner.JPG (another letter case or Unicode form): it works on ' +
              'macOS and Windows, but is a 404 on Linux hosting; write Dinner.JPG',
            line: 4,
            column: 11,
          },
        ],
        output: `${fm}![dinner](/img/Dinner.JPG)\n`,
      },
      {
        code: `${fm}<img src="/IMG/photo.png?v=1" alt="x">\n`,
        errors: [{ message: /exists only as img/ }],
        output: `${fm}<img src="/img/photo.png?v=1" alt="x">\n`,
      },
      {
        code: `${fm}![nfc name, nfd file](/img/${nfc})\n`,
        errors: [{ message: /exists only as/ }],
        output: `${fm}![nfc name, nfd file](/img/${nfd})\n`,
      },
      {
        code: '+++\ntitle = "x"\n[[images]]\n  src = "img/DINNER.jpg"\n+++\n',
        errors: [{ line: 4 }],
        output: '+++\ntitle = "x"\n[[images]]\n  src = "img/Dinner.JPG"\n+++\n',
      },
      { code: `${fm}<img src="/img/dinner.jpg?a=1&amp;b=2" alt="x">\n`, errors: [{ message: /Dinner\.JPG/ }] },
    ],
  },
  {
    // The NFD file (as macOS names it) is made in the test's copy: git and editors may normalize names in fixtures.
    setup: (root) => writeFileSync(path.join(root, 'static/img', nfd), 'png'),
  },
);
