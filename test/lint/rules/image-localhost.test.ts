import { imageLocalhost } from '../../../src/lint/rules/image-localhost.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';

ruleTester(imageLocalhost, {
  valid: [`${fm}![x](/img/photo.png)\n`, `${fm}![x](https://localhost.example.com/a.png)\n`],
  invalid: [
    {
      code: `${fm}![x](http://localhost:1313/img/photo.png)\n`,
      errors: [
        {
          message:
            'http://localhost:1313/img/photo.png points at your own machine (hugo server): nobody else can load it; ' +
            'write /img/photo.png',
          line: 4,
          column: 6,
        },
      ],
      output: `${fm}![x](/img/photo.png)\n`,
    },
    {
      code: `${fm}<img src="http://127.0.0.1:1313/img/photo.png?x=1" alt="x">\n`,
      errors: [{}],
      output: `${fm}<img src="/img/photo.png?x=1" alt="x">\n`,
    },
    {
      code: `${fm}![x](http://0.0.0.0/img/photo.png) ![y](http://[::1]:8080/img/photo.png)\n`,
      errors: [{}, {}],
      output: `${fm}![x](/img/photo.png) ![y](/img/photo.png)\n`,
    },
    {
      code: `${fm}![x](http://localhost:1313/img/gone.png)\n`,
      errors: [{ message: /nobody else can load it; link the file in the site instead$/ }],
    },
  ],
});
