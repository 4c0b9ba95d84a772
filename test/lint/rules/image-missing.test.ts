import { imageMissing } from '../../../src/lint/rules/image-missing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';

ruleTester(imageMissing, {
  valid: [
    `${fm}![photo](/img/photo.png)\n`,
    `${fm}![photo](img/photo.png)\n`,
    `${fm}![space](/img/a%20b.png) ![space](</img/a b.png>)\n`,
    `${fm}![photo](/img/photo.png?v=2#top "title")\n`,
    `${fm}<img src="/img/photo.png" srcset="/img/photo.png 1x, /img/Dinner.JPG 2x" alt="x">\n`,
    `${fm}<picture><source srcset="/img/photo.png"><img src="/img/photo.png" alt="x"></picture>\n`,
    `${fm}{{< figure src="/img/photo.png" alt="x" >}}\n`,
    `${fm}![theme](/theme/logo.png)\n`,
    `${fm}![bundle resource](/posts/bundle/pic.png)\n`,
    { code: `${fm}![beside](pic.png) ![up](../bundle/pic.png)\n`, file: 'content/posts/bundle/index.md' },
    { code: `${fm}![page dir](side.png)\n`, file: 'content/posts/old.md' },
    `${fm}![external](https://cdn.example.com/x.png) ![data](data:image/png;base64,AAAA) ![anchor](#x)\n`,
    `${fm}![other site on a sub-path](https://example.dev.other/x.png)\n`,
    `${fm}[ref]: /img/photo.png\n\n![ref][ref] ![Ref][] ![ref]\n`,
    fm +
      '```md\n![in a fence](/img/nope.png)\n```\n\n    ![indented code](/img/nope.png)\n\nText `![inline ' +
      'code](/img/nope.png)` and ``![two ticks `](/img/nope.png)``\n',
    `${fm}<!-- ![commented](/img/nope.png) -->\n<!--\n<img src="/nope.png">\n-->\n`,
    `${fm}{{</* figure src="/img/nope.png" */>}}\n`,
    `${fm}\\![escaped](/img/nope.png)\n`,
    // Character references, from the whole HTML table: &period; is ".", in Markdown destinations (with ;) and
    // attributes.
    `${fm}![x](/img/photo&#46;png) ![y](/img/photo&period;png)\n<img src="/img/photo&period;png" alt="x">\n`,
    '+++\ntitle = "x"\nimages = ["img/photo.png"]\n[[cover]]\nsrc = "nope.png"\n+++\n',
    '+++\ntitle = "x"\n[[images]]\n  src = "img/photo.png"\n  alt = "x"\n+++\n',
    '---\ntitle: x\nimages:\n  - img/photo.png\n---\n',
  ],
  invalid: [
    {
      code: `${fm}![photo](/img/photo.jpg)\n`,
      errors: [{ message: 'static/img/photo.jpg not found; did you mean photo.png?', line: 4, column: 10 }],
    },
    {
      code: `${fm}![photo](/img/phot.png)\n`,
      errors: [{ message: 'static/img/phot.png not found; did you mean photo.png?' }],
    },
    {
      code: `${fm}![x](/images/x.png)\n`,
      errors: [{ message: 'static/images/x.png not found; add the file or fix the path' }],
    },
    {
      code: `${fm}<img src="/img/gone.png" alt="x">\n<img srcset="/img/photo.png 1x, /img/gone2.png 2x" alt="x">\n`,
      errors: [
        { line: 4, column: 11 },
        { line: 5, column: 33 },
      ],
    },
    {
      code: `${fm}{{< figure src="nope.png" >}}\n`,
      file: 'content/posts/bundle/index.md',
      errors: [{ message: /^content\/posts\/bundle\/nope\.png not found/ }],
    },
    {
      code: `${fm}[gone]: /img/gone.png\n\n![x][gone]\n`,
      errors: [{ message: /^static\/img\/gone\.png not found/, line: 4, column: 9 }],
    },
    {
      code: '+++\ntitle = "x"\n[[images]]\n  src = "img/featured.png"\n+++\n',
      errors: [{ message: /^static\/img\/featured\.png not found/, line: 4, column: 10 }],
    },
    { code: `${fm}![empty](<>)\n`, errors: [{ message: 'the image has no URL; give the path of the file' }] },
    {
      code: `${fm}![self](https://example.dev/img/gone.png)\n`,
      errors: [{ message: /^static\/img\/gone\.png not found/ }],
    },
    {
      code: `${fm}![x](/img/gone.png)\n`,
      language: 'ja',
      errors: [{ message: 'static/img/gone.png が見つかりません。ファイルを追加するかパスを直してください' }],
    },
  ],
});
