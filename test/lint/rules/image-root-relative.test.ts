import { imageRootRelative } from '../../../src/lint/rules/image-root-relative.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';
const subPath = { baseURL: 'https://user.github.io/blog/' };

ruleTester(imageRootRelative, {
  valid: [
    `${fm}![x](/img/photo.png)\n`,
    { code: `${fm}![x](/blog/img/photo.png) ![y](img/photo.png)\n`, site: subPath },
  ],
  invalid: [
    {
      code: `${fm}![x](/img/photo.png)\n`,
      site: subPath,
      errors: [
        {
          message:
            '/img/photo.png starts at the domain root, but the site lives under /blog/ (baseURL): it links outside ' +
            'the site; write /blog/img/photo.png',
          line: 4,
          column: 6,
        },
      ],
    },
  ],
});
