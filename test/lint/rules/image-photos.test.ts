import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoFacts, tiffHasGps } from '../../../src/images/metadata.js';
import { imageFormat } from '../../../src/lint/rules/image-format.js';
import { imageGps } from '../../../src/lint/rules/image-gps.js';
import { imageHeavy } from '../../../src/lint/rules/image-heavy.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { REPO } from '../../helpers/site.js';
import { addGps, hasProgram } from '../../helpers/tools.js';

const exiftool = hasProgram('exiftool', ['-ver']);
const fm = '+++\ntitle = "x"\n+++\n';

/** Photos made with sharp (in a child process: the rule tester's setup is synchronous) and tagged by exiftool. */
function makePhotos(root: string): void {
  const dir = path.join(root, 'static', 'img');
  const script = `
    const sharp = require('sharp');
    const dir = ${JSON.stringify(dir)};
    const make = (w, h) => sharp({ create: { width: w, height: h, channels: 3, background: '#c84' } });
    Promise.all([
      make(64, 48).jpeg().toFile(dir + '/plain.jpg'),
      make(64, 48).jpeg().toFile(dir + '/gps.jpg'),
      make(64, 48).png().toFile(dir + '/gps.png'),
      make(64, 48).webp().toFile(dir + '/gps.webp'),
      make(400, 30).jpeg().toFile(dir + '/wide.jpg'),
      make(16, 16).tiff().toFile(dir + '/scan.tiff'),
    ]).catch((e) => { console.error(e); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script], { cwd: REPO });
  // An HEIC header: lint reads the box type only, never the picture.
  writeFileSync(
    path.join(dir, 'IMG_0001.HEIC'),
    Buffer.from('000000186674797068656963000000006d69663168656963', 'hex'),
  );
  if (exiftool) for (const file of ['gps.jpg', 'gps.png', 'gps.webp']) addGps(path.join(dir, file));
}

describe.skipIf(!exiftool)('photo rules', () => {
  ruleTester(
    imageGps,
    {
      valid: [`${fm}![x](/img/plain.jpg)\n`, `${fm}![x](/img/photo.png)\n`, `${fm}![x](/img/wide.jpg)\n`],
      invalid: ['gps.jpg', 'gps.png', 'gps.webp'].map((name) => ({
        code: `${fm}<img src="/img/${name}" alt="x">\n`,
        errors: [
          {
            message:
              `static/img/${name} carries the GPS position where the photo was taken, which anyone can read from the ` +
              'published site; remove it with meetup-note lint --fix (pixels unchanged)',
            line: 4,
            column: 11,
          },
        ],
      })),
    },
    { setup: makePhotos },
  );

  ruleTester(
    imageHeavy,
    {
      valid: [
        `${fm}![x](/img/wide.jpg)\n`,
        {
          code: `${fm}![x](/img/plain.jpg)\n`,
          site: { images: { maxWidth: 100, format: 'webp', quality: 80, maxBytes: 100_000 } },
        },
      ],
      invalid: [
        {
          code: `${fm}![x](/img/wide.jpg)\n`,
          site: { images: { maxWidth: 100, format: 'webp', quality: 80, maxBytes: 1_000_000 } },
          errors: [{ message: /^static\/img\/wide\.jpg is 0\.0 MB and 400 px wide/, line: 4 }],
        },
      ],
    },
    { setup: makePhotos },
  );

  ruleTester(
    imageFormat,
    {
      valid: [`${fm}![x](/img/plain.jpg)\n`, `${fm}![x](/img/gps.webp)\n`],
      invalid: [
        {
          code: `${fm}![x](/img/IMG_0001.HEIC)\n`,
          errors: [{ message: /^static\/img\/IMG_0001\.HEIC is HEIC, which/ }],
        },
        { code: `${fm}![x](/img/scan.tiff)\n`, errors: [{ message: /is TIFF, which browsers other than Safari/ }] },
      ],
    },
    { setup: makePhotos },
  );
});

describe('photo facts from the header bytes', () => {
  it('reads a TIFF GPS IFD in both byte orders, and needs a position, not only a version', () => {
    const tiff = (little: boolean, gpsTags: number[]) => {
      const bytes = new Uint8Array(64);
      const view = new DataView(bytes.buffer);
      bytes.set(little ? [0x49, 0x49] : [0x4d, 0x4d]);
      view.setUint16(2, 42, little);
      view.setUint32(4, 8, little);
      view.setUint16(8, 1, little); // IFD0: one entry, the GPS IFD pointer
      view.setUint16(10, 0x8825, little);
      view.setUint32(18, 26, little);
      view.setUint16(26, gpsTags.length, little);
      for (const [i, tag] of gpsTags.entries()) view.setUint16(28 + i * 12, tag, little);
      return bytes;
    };
    expect(tiffHasGps(tiff(true, [0, 2]))).toBe(true);
    expect(tiffHasGps(tiff(false, [4]))).toBe(true);
    expect(tiffHasGps(tiff(true, [0]))).toBe(false);
    expect(tiffHasGps(new Uint8Array([0x49, 0x49, 42, 0, 0xff, 0xff, 0xff, 0xff]))).toBe(false);
    expect(photoFacts(new Uint8Array([1, 2, 3]), () => new Uint8Array())).toEqual({ format: 'other', gps: false });
  });
});
