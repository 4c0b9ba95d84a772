import { imageAlt } from '../../../src/lint/rules/image-alt.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';

ruleTester(imageAlt, {
  valid: [
    `${fm}![会場の様子](/img/photo.png)\n`,
    `${fm}<img src="/img/photo.png" alt="x"> <img src="/img/photo.png" alt="">\n`,
    `${fm}{{< figure src="/img/photo.png" caption="会場" >}}\n`,
    '+++\ntitle = "x"\n[[images]]\n  src = "img/photo.png"\n+++\n',
    `${fm}<img srcset="/img/photo.png 2x" alt="x">\n`,
  ],
  invalid: [
    {
      code: `${fm}![](/img/photo.png)\n`,
      errors: [{ message: 'image /img/photo.png has no alt text; describe it (![...](...))', line: 4, column: 1 }],
    },
    {
      code: `${fm}<img src="https://yyh-gl.github.io/tech-blog/img/k8s.JPG" width="450">\n`,
      errors: [{ message: /has no alt text; describe it \(alt="\.\.\."\)$/ }],
    },
    { code: `${fm}text {{< figure src="/img/photo.png" >}}\n`, errors: [{ line: 4, column: 6 }] },
    {
      code: `${fm}![ ](/img/photo.png)\n`,
      language: 'ja',
      errors: [{ message: '画像 /img/photo.png に代替テキストがありません。内容を書いてください（![...](...)）' }],
    },
  ],
});
