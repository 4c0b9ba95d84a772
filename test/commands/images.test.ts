import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imagesAddCommand } from '../../src/commands/images.js';
import { lintCommand } from '../../src/commands/lint.js';
import { photoName, photoReference, referenceStyle } from '../../src/images/photos.js';
import { scriptedPrompter, testDeps } from '../helpers/deps.js';
import { copySite, read, snapshotTree, tempDir } from '../helpers/site.js';
import { addGps, buildSite, builtPage, hasProgram } from '../helpers/tools.js';

const exiftool = hasProgram('exiftool', ['-ver']);
const hugo = hasProgram('hugo', ['version']);
const heifEnc = hasProgram('heif-enc', ['--list-encoders']);

/**
 * A phone-size photo: 4032×3024, the stored top-left corner marked red, stored sideways with EXIF
 * orientation 6 (shown rotated 90° clockwise), with GPS written by exiftool.
 */
async function phonePhoto(name = 'IMG_0042.JPG', orientation = 6): Promise<string> {
  const file = path.join(tempDir(), name);
  const [width, height] = [4032, 3024];
  const pixels = Buffer.alloc(width * height * 3, 180);
  for (let y = 0; y < 300; y++) for (let x = 0; x < 300; x++) pixels.set([255, 0, 0], (y * width + x) * 3);
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withMetadata({ orientation })
    .toFile(file);
  if (exiftool) addGps(file, ['-Make=PhoneMaker']);
  return file;
}

/** What exiftool reads from a file: every tag, by group. */
function tags(file: string): Record<string, unknown> {
  return (
    JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', file], { encoding: 'utf8' })) as object[]
  )[0] as Record<string, unknown>;
}

describe('images add', () => {
  it('writes the photo upright, within the width, smaller, lower-case, without EXIF, GPS or XMP', async () => {
    const dir = copySite('example');
    const photo = await phonePhoto();
    if (exiftool) expect(tags(photo)).toHaveProperty(['GPS:GPSLatitude']);
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    expect(await imagesAddCommand([photo], { post: 'content/blog/denago_3.md' }, deps)).toBe(0);
    const out = path.join(dir, 'static/img/2019/11/denago_3/img_0042.webp');
    // The post shows photos as <img width="450">: the reference follows it, under the site's URL path.
    expect(stdout()).toBe('<img src="/img/2019/11/denago_3/img_0042.webp" alt="" width="450">\n');
    expect(stderr()).toContain('IMG_0042.JPG → static/img/2019/11/denago_3/img_0042.webp（1600×2133');
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1600, height: 2133 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(readFileSync(out).length).toBeLessThan(readFileSync(photo).length);
    // Upright: the marked corner, stored top-left, shows top-right once turned 90° clockwise.
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    expect(at(info.width - 20, 20)[0]).toBeGreaterThan(200);
    expect(at(info.width - 20, 20)[1]).toBeLessThan(60);
    expect(at(20, 20)[1]).toBeGreaterThan(150);
    if (exiftool) {
      const written = Object.keys(tags(out));
      expect(written.filter((tag) => /^(GPS|EXIF|IFD0|XMP|MakerNotes)/.test(tag))).toEqual([]);
    }
  });

  it.skipIf(!exiftool)('applies each of the 8 EXIF orientations', async () => {
    // Where the marked stored top-left corner is shown, per orientation (x, y as fractions of the result).
    const corner: Record<number, [number, number]> = {
      1: [0, 0],
      2: [1, 0],
      3: [1, 1],
      4: [0, 1],
      5: [0, 0],
      6: [1, 0],
      7: [1, 1],
      8: [0, 1],
    };
    for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const dir = copySite('example');
      const photo = await phonePhoto(`IMG_${orientation}.JPG`, 1);
      execFileSync('exiftool', ['-q', '-overwrite_original', `-Orientation#=${orientation}`, photo]);
      const { deps } = testDeps({ cwd: dir });
      await imagesAddCommand([photo], { post: 'content/blog/denago_3.md' }, deps);
      const out = path.join(dir, `static/img/2019/11/denago_3/img_${orientation}.webp`);
      const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
      const [fx, fy] = corner[orientation]!;
      const x = fx ? info.width - 20 : 20;
      const y = fy ? info.height - 20 : 20;
      expect([orientation, data[(y * info.width + x) * info.channels]! > 200]).toEqual([orientation, true]);
      expect(info.width <= 1600).toBe(true);
      expect(info.width > info.height).toBe(orientation <= 4);
    }
  });

  it.skipIf(!heifEnc)('reads an iPhone HEIC (HEVC inside) through heic-decode, as sharp alone cannot', async () => {
    const jpeg = await phonePhoto('IMG_0100.JPG', 1);
    const heic = path.join(path.dirname(jpeg), 'IMG_0100.HEIC');
    execFileSync('heif-enc', ['-q', '60', '-o', heic, jpeg]);
    await expect(sharp(heic).toBuffer()).rejects.toThrow();
    if (exiftool) expect(Object.keys(tags(heic)).some((tag) => tag.endsWith(':GPSLatitude'))).toBe(true);
    const dir = copySite('example');
    const { deps, stdout } = testDeps({ cwd: dir });
    expect(await imagesAddCommand([heic], { post: 'content/blog/denago_3.md' }, deps)).toBe(0);
    expect(stdout()).toBe('<img src="/img/2019/11/denago_3/img_0100.webp" alt="" width="450">\n');
    const out = path.join(dir, 'static/img/2019/11/denago_3/img_0100.webp');
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp]).toEqual([
      'webp',
      1600,
      1200,
      undefined,
      undefined,
    ]);
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect(data[(20 * info.width + 20) * info.channels]).toBeGreaterThan(200);
    if (exiftool) expect(Object.keys(tags(out)).filter((tag) => /GPS|EXIF/.test(tag))).toEqual([]);
  });

  it('never overwrites: a second photo of the same name gets -2; --dry-run writes nothing', async () => {
    const dir = copySite('example');
    const photo = await phonePhoto();
    const before = snapshotTree(dir);
    const dry = testDeps({ cwd: dir });
    await imagesAddCommand([photo], { post: 'content/blog/denago_3.md', dryRun: true }, dry.deps);
    expect(snapshotTree(dir)).toEqual(before);
    expect(dry.stderr()).toContain('（--dry-run）');
    await imagesAddCommand([photo], { post: 'content/blog/denago_3.md' }, testDeps({ cwd: dir }).deps);
    const second = testDeps({ cwd: dir });
    await imagesAddCommand([photo, photo], { post: 'content/blog/denago_3.md' }, second.deps);
    expect(second.stdout()).toContain('img_0042-2.webp');
    expect(second.stdout()).toContain('img_0042-3.webp');
    const names = readdirSync(path.join(dir, 'static/img/2019/11/denago_3')).filter((n) => n.endsWith('.webp'));
    expect(names.sort()).toEqual(['img_0042-2.webp', 'img_0042-3.webp', 'img_0042.webp']);
  });

  it('--session n adds the references at the end of talk n, before its Q&A, and changes no other byte', async () => {
    const dir = copySite('example');
    const file = path.join(dir, 'content/blog/denago_3.md');
    const original = read(dir, 'content/blog/denago_3.md');
    const photo = await phonePhoto();
    const prompter = scriptedPrompter(['懇親会の様子']);
    const { deps } = testDeps({ cwd: dir, prompter });
    expect(await imagesAddCommand([photo], { post: 'content/blog/denago_3.md', session: '1' }, deps)).toBe(0);
    const text = readFileSync(file, 'utf8');
    const inserted = '<img src="/img/2019/11/denago_3/img_0042.webp" alt="懇親会の様子" width="450">';
    expect(text).toContain(inserted);
    const at = text.indexOf(inserted);
    // Only an insertion: the text before and after it is the post's, byte for byte, and it holds the reference.
    let head = 0;
    while (text[head] === original[head]) head++;
    const added = text.length - original.length;
    expect(text.slice(0, head) + text.slice(head + added)).toBe(original);
    expect(text.slice(head, head + added).trim()).toBe(inserted);
    // In talk 1, before its Q&A and before talk 2.
    expect(at).toBeGreaterThan(text.indexOf('# 1.'));
    expect(at).toBeLessThan(text.indexOf('# 2.'));
    const qa = text.indexOf('## Q&A', text.indexOf('# 1.'));
    if (qa !== -1 && qa < text.indexOf('# 2.')) expect(at).toBeLessThan(qa);
  });

  it.skipIf(!hugo)('Hugo shows the photo in talk 1 under a sub-path baseURL', async () => {
    const dir = copySite('example');
    const config = path.join(dir, 'hugo.toml');
    execFileSync('sed', ['-i', 's#^baseURL = .*#baseURL = "https://example.dev/blog/"#', config]);
    const photo = await phonePhoto();
    const { deps } = testDeps({ cwd: dir });
    await imagesAddCommand([photo], { post: 'content/blog/denago_3.md', session: '1', yes: true }, deps);
    expect(read(dir, 'content/blog/denago_3.md')).toContain('src="/blog/img/2019/11/denago_3/img_0042.webp"');
    const out = buildSite(dir);
    const html = builtPage(out, 'denago_3/index.html');
    expect(html).toContain('/blog/img/2019/11/denago_3/img_0042.webp');
    expect(existsSync(path.join(out, 'img/2019/11/denago_3/img_0042.webp'))).toBe(true);
  });
});

describe.skipIf(!exiftool)('lint --fix of image-gps', () => {
  it('takes the location out of JPEG, PNG and WebP, pixels byte for byte; --fix-dry-run writes nothing', async () => {
    const dir = copySite('example');
    const folder = path.join(dir, 'static/img/gps');
    mkdirSync(folder, { recursive: true });
    const make = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#c84' } });
    await make(64, 48).jpeg().toFile(path.join(folder, 'a.jpg'));
    await make(64, 48).png().toFile(path.join(folder, 'b.png'));
    await make(64, 48).webp().toFile(path.join(folder, 'c.webp'));
    for (const name of ['a.jpg', 'b.png', 'c.webp']) addGps(path.join(folder, name));
    writeFileSync(
      path.join(dir, 'content/blog/gps.md'),
      '+++\ntitle = "gps"\ndate = 2019-11-01T19:00:00+09:00\n+++\n\n' +
        '![a](/img/gps/a.jpg)\n![b](/img/gps/b.png)\n![c](/img/gps/c.webp)\n',
    );
    const pixels = async (name: string) => sharp(path.join(folder, name)).raw().toBuffer();
    const before = await Promise.all(['a.jpg', 'b.png', 'c.webp'].map(pixels));
    const tree = snapshotTree(dir);
    const dry = testDeps({ cwd: dir });
    expect(await lintCommand(['content/blog/gps.md'], { format: 'json', fixDryRun: true }, dry.deps)).toBe(1);
    expect(snapshotTree(dir)).toEqual(tree);
    expect(dry.stderr()).toContain('static/img/gps/a.jpg から位置情報とカメラ情報を削除します（--fix-dry-run）');
    const fix = testDeps({ cwd: dir });
    expect(await lintCommand(['content/blog/gps.md'], { format: 'json', fix: true }, fix.deps)).toBe(0);
    expect(fix.stderr()).toContain('static/img/gps/c.webp から位置情報とカメラ情報を削除しました（画素はそのまま）');
    for (const [i, name] of ['a.jpg', 'b.png', 'c.webp'].entries()) {
      expect(Object.keys(tags(path.join(folder, name))).filter((tag) => tag.startsWith('GPS'))).toEqual([]);
      expect(Buffer.compare(await pixels(name), before[i]!)).toBe(0);
    }
  });

  it('leaves a photo that leads outside the site alone', async () => {
    const dir = copySite('example');
    const outside = await phonePhoto('outside.jpg', 1);
    const bytes = readFileSync(outside);
    mkdirSync(path.join(dir, 'static/img/link'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'static/img/link/out.jpg'));
    writeFileSync(
      path.join(dir, 'content/blog/out.md'),
      '+++\ntitle = "out"\ndate = 2019-11-01T19:00:00+09:00\n+++\n\n![x](/img/link/out.jpg)\n',
    );
    const { deps, stderr } = testDeps({ cwd: dir });
    expect(await lintCommand(['content/blog/out.md'], { format: 'json', fix: true }, deps)).toBe(1);
    expect(readFileSync(outside).equals(bytes)).toBe(true);
    expect(stderr()).toContain('シンボリックリンクでサイトの外');
  });
});

describe('photo names and references', () => {
  it('names URL-safe in lower case, keeping other scripts', () => {
    const none = () => false;
    expect(photoName('IMG_0042.HEIC', 'webp', none)).toBe('img_0042.webp');
    expect(photoName('懇親会 写真(1).JPG', 'jpg', none)).toBe('懇親会-写真-1.jpg');
    expect(photoName('!!!.png', 'webp', none)).toBe('photo.webp');
    expect(photoName('a.jpg', 'webp', (n) => n === 'a.webp')).toBe('a-2.webp');
  });

  it('writes the alt text as typed, escaped only where it would break the reference', () => {
    expect(photoReference('/img/a.webp', 'Goの[LT]', { html: false })).toBe('![Goの\\[LT\\]](/img/a.webp)');
    expect(photoReference('a b.webp', 'x', { html: false })).toBe('![x](<a b.webp>)');
    expect(photoReference('/a.webp', '"q" & <b>', { html: true, width: '450' })).toBe(
      '<img src="/a.webp" alt="&quot;q&quot; &amp; &lt;b>" width="450">',
    );
    expect(referenceStyle('text ![a](b.png)')).toEqual({ html: false });
    expect(referenceStyle('<img src="a" width="450"> <img src="b" width="450"> <img src="c" width="300">')).toEqual({
      html: true,
      width: '450',
    });
  });
});
