import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { imageCase } from '../../../src/lint/rules/image-case.js';
import { imageMissing } from '../../../src/lint/rules/image-missing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const fm = '+++\ntitle = "x"\n+++\n';

/**
 * A site with an image render hook (`.Page.Resources.Get .Destination`), assets, and a bundle whose folder has
 * capitals.
 */
function hooked(root: string): void {
  const write = (file: string, text = 'x') => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write(
    'layouts/_default/_markup/render-image.html',
    '{{ with .Page.Resources.Get (strings.TrimPrefix "/" .Destination) }}<img src="{{ .RelPermalink }}">{{ end }}',
  );
  write('content/posts/hooked/index.md', fm);
  write('content/posts/hooked/images/a.jpg');
  write('assets/images/logo.png');
  write('content/post/2019-12-24-Python-Custom-scripting/index.md', fm);
  write('content/post/2019-12-24-Python-Custom-scripting/digdag_secrets.png');
}

ruleTester(
  imageMissing,
  {
    valid: [
      // The render hook finds /images/a.jpg among the bundle's resources, and images/logo.png in assets/.
      { code: `${fm}![x](/images/a.jpg) ![y](images/logo.png)\n`, file: 'content/posts/hooked/index.md' },
      // Hugo publishes the bundle at /post/2019-12-24-python-custom-scripting/ (page paths in lower case).
      `${fm}![x](https://example.dev/post/2019-12-24-python-custom-scripting/digdag_secrets.png)\n`,
      `${fm}![x](/post/2019-12-24-python-custom-scripting/digdag_secrets.png)\n`,
      // A footnote reference after a sentence's "!" is no image (Hugo's footnotes are on).
      `${fm}[発表されました](https://example.com/)![^0.22.0]\n\n[^0.22.0]: v0.22.0\n`,
    ],
    invalid: [
      {
        code: `${fm}![x](/images/gone.jpg)\n`,
        file: 'content/posts/hooked/index.md',
        errors: [{ message: /^static\/images\/gone\.jpg not found/ }],
      },
      {
        code: `${fm}![x](/post/2019-12-24-python-custom-scripting/gone.png)\n`,
        errors: [{ message: /^static\/post\/2019-12-24-python-custom-scripting\/gone\.png not found/ }],
      },
      // <img> does not go through the render hook.
      {
        code: `${fm}<img src="/images/a.jpg" alt="x">\n`,
        file: 'content/posts/hooked/index.md',
        errors: [{ message: /^static\/images\/a\.jpg not found/ }],
      },
    ],
  },
  { setup: hooked },
);

ruleTester(
  imageCase,
  {
    valid: [`${fm}![x](/post/2019-12-24-python-custom-scripting/digdag_secrets.png)\n`],
    invalid: [
      {
        // Hugo keeps a resource's own name as it is: only the page path is lowered.
        code: `${fm}![x](/post/2019-12-24-python-custom-scripting/Digdag_Secrets.png)\n`,
        errors: [{ message: /exists only as/ }],
        output: `${fm}![x](/post/2019-12-24-python-custom-scripting/digdag_secrets.png)\n`,
      },
      {
        // The folder as written on disk, but Hugo serves it in lower case: a 404 everywhere.
        code: `${fm}![x](/post/2019-12-24-Python-Custom-scripting/digdag_secrets.png)\n`,
        errors: [{ message: /exists only as 2019-12-24-python-custom-scripting/ }],
        output: `${fm}![x](/post/2019-12-24-python-custom-scripting/digdag_secrets.png)\n`,
      },
    ],
  },
  { setup: hooked },
);
