import { imageUntracked } from '../../../src/lint/rules/image-untracked.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';

ruleTester(imageUntracked, {
  valid: [
    { code: `${fm}![x](/img/photo.png)\n`, tracked: ['static/img/photo.png'] },
    { code: `${fm}![not a git work tree: nothing to say](/img/photo.png)\n` },
    { code: `${fm}![missing is another rule](/img/gone.png)\n`, tracked: [] },
    { code: `${fm}![external](https://example.com/a.png)\n`, tracked: [] },
  ],
  invalid: [
    {
      code: `${fm}![x](/img/photo.png)\n`,
      tracked: ['static/img/Dinner.JPG'],
      errors: [
        {
          message:
            'static/img/photo.png is not in git (not committed, not staged, or ignored): it will be missing once ' +
            'pushed; `git add static/img/photo.png`',
          line: 4,
          column: 6,
        },
      ],
    },
    {
      code: `${fm}{{< figure src="pic.png" alt="x" >}}\n`,
      file: 'content/posts/bundle/index.md',
      tracked: [],
      errors: [{ message: /^content\/posts\/bundle\/pic\.png is not in git/ }],
    },
  ],
});
