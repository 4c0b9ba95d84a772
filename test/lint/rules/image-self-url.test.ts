import { imageSelfUrl } from '../../../src/lint/rules/image-self-url.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';
const subPath = { baseURL: 'https://yyh-gl.github.io/tech-blog/' };

ruleTester(imageSelfUrl, {
  valid: [
    `${fm}![x](/img/photo.png)\n`,
    `${fm}![x](https://example.org/img/photo.png)\n`,
    { code: `${fm}![other repo, same host](https://yyh-gl.github.io/other/img/photo.png)\n`, site: subPath },
  ],
  invalid: [
    {
      code: `${fm}![x](https://example.dev/img/photo.png)\n`,
      errors: [
        {
          message:
            'https://example.dev/img/photo.png is an absolute URL of this site: it breaks when the domain or baseURL ' +
            'changes; write /img/photo.png',
          line: 4,
          column: 6,
        },
      ],
      output: `${fm}![x](/img/photo.png)\n`,
    },
    {
      code: `${fm}<img src="https://yyh-gl.github.io/tech-blog/img/photo.png" width="450">\n`,
      site: subPath,
      errors: [{ message: /write \/tech-blog\/img\/photo\.png$/ }],
      output: `${fm}<img src="/tech-blog/img/photo.png" width="450">\n`,
    },
    { code: `${fm}![x](http://EXAMPLE.dev/img/photo.png#a)\n`, errors: [{}], output: `${fm}![x](/img/photo.png#a)\n` },
  ],
});
