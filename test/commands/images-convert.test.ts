import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imagesConvertCommand } from '../../src/commands/images-convert.js';
import { InputError } from '../../src/errors.js';
import { BIN } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { copySite, read, snapshotTree } from '../helpers/site.js';
import { addGps, buildSite, builtPage, hasProgram } from '../helpers/tools.js';

const exiftool = hasProgram('exiftool', ['-ver']);
const hugo = hasProgram('hugo', ['version']);
const heifEnc = hasProgram('heif-enc', ['--list-encoders']);

/** A photo at `file`: a JPEG 2400 px wide (or PNG by extension), with GPS when exiftool is here. */
async function photo(file: string, width = 2400): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const image = sharp({ create: { width, height: width / 2, channels: 3, background: '#4a8' } });
  await (file.toLowerCase().endsWith('.png') ? image.png() : image.jpeg()).toFile(file);
  if (exiftool) addGps(file);
}

const FRONT =
  '+++\ntitle = "convert"\ndate = 2019-11-01T19:00:00+09:00\n[[images]]\n  src = "img/c/cover.png"\n+++\n\n';

/** Every form a post links a photo by, and text that names the file without linking it (left as it is). */
const BODY = [
  '![talk](/img/c/IMG_0042.JPG)',
  '<img src="/img/c/IMG_0042.JPG" alt="again" width="450">',
  '<img srcset="/img/c/IMG_0042.JPG 1x, /img/c/big.jpg 2x" src="/img/c/small.webp" alt="set">',
  '{{< figure src="/img/c/big.jpg" >}}',
  '![ref][p]',
  '',
  '[p]: /img/c/big.jpg',
  '',
  'I took IMG_0042.JPG at the venue.',
  '',
  '```',
  '![in code](/img/c/IMG_0042.JPG)',
  '```',
  '',
].join('\r\n');

async function convertSite(): Promise<string> {
  const dir = copySite('example');
  for (const name of ['IMG_0042.JPG', 'big.jpg', 'cover.png']) await photo(path.join(dir, 'static/img/c', name));
  await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
    .webp()
    .toFile(path.join(dir, 'static/img/c/small.webp'));
  writeFileSync(path.join(dir, 'content/blog/convert.md'), `\ufeff${FRONT}${BODY}`);
  return dir;
}

/** The post once converted: each reference to a converted photo renamed, every other byte as it was. */
const CONVERTED = `\ufeff${FRONT.replace('cover.png', 'cover.webp')}${BODY}`
  .replace('![talk](/img/c/IMG_0042.JPG)', '![talk](/img/c/img_0042.webp)')
  .replace('<img src="/img/c/IMG_0042.JPG"', '<img src="/img/c/img_0042.webp"')
  .replace('srcset="/img/c/IMG_0042.JPG 1x, /img/c/big.jpg 2x"', 'srcset="/img/c/img_0042.webp 1x, /img/c/big.webp 2x"')
  .replace('{{< figure src="/img/c/big.jpg" >}}', '{{< figure src="/img/c/big.webp" >}}')
  .replace('[p]: /img/c/big.jpg', '[p]: /img/c/big.webp');

describe('images convert', () => {
  it('converts the photos a post shows and rewrites every reference to them, and no other byte', async () => {
    const dir = await convertSite();
    const { deps, stdout, stderr } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/convert.md', {}, deps)).toBe(0);
    expect(read(dir, 'content/blog/convert.md')).toBe(CONVERTED);
    expect(stdout()).toBe('content/blog/convert.md\n');
    expect(stderr()).toContain('content/blog/convert.md の参照を 7 か所書き換えました');
    expect(stderr()).toContain('元の写真 3 枚を削除しました');
    const folder = path.join(dir, 'static/img/c');
    expect(readdirSync(folder).sort()).toEqual(['big.webp', 'cover.webp', 'img_0042.webp', 'small.webp']);
    for (const name of ['big.webp', 'cover.webp', 'img_0042.webp']) {
      const meta = await sharp(path.join(folder, name)).metadata();
      expect([name, meta.format, meta.width, meta.exif]).toEqual([name, 'webp', 1600, undefined]);
      if (exiftool) {
        const tags = execFileSync('exiftool', ['-a', '-G1', '-s', path.join(folder, name)], { encoding: 'utf8' });
        expect(tags).not.toMatch(/GPS/);
      }
    }
  });

  it('--keep keeps the originals; --dry-run writes nothing', async () => {
    const dir = await convertSite();
    const before = snapshotTree(dir);
    const dry = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/convert.md', { dryRun: true }, dry.deps)).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
    expect(dry.stderr()).toContain('content/blog/convert.md の参照を 7 か所書き換えます（--dry-run）');
    const { deps } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/convert.md', { keep: true }, deps)).toBe(0);
    expect(readdirSync(path.join(dir, 'static/img/c')).sort()).toEqual([
      'IMG_0042.JPG',
      'big.jpg',
      'big.webp',
      'cover.png',
      'cover.webp',
      'img_0042.webp',
      'small.webp',
    ]);
  });

  it('stops when another post shows the same photo, unless --all-posts rewrites that post too', async () => {
    const dir = await convertSite();
    const other = '+++\ntitle = "other"\ndate = 2019-12-01T19:00:00+09:00\n+++\n\nSee ![again](/img/c/big.jpg).\n';
    writeFileSync(path.join(dir, 'content/blog/other.md'), other);
    const before = snapshotTree(dir);
    const refused = testDeps({ cwd: dir });
    const run = imagesConvertCommand('content/blog/convert.md', {}, refused.deps);
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toMatchObject({ location: 'static/img/c/big.jpg' });
    expect(snapshotTree(dir)).toEqual(before);
    const { deps, stdout } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/convert.md', { allPosts: true }, deps)).toBe(0);
    expect(stdout()).toBe('content/blog/convert.md\ncontent/blog/other.md\n');
    expect(read(dir, 'content/blog/other.md')).toBe(other.replace('big.jpg', 'big.webp'));
    expect(existsSync(path.join(dir, 'static/img/c/big.jpg'))).toBe(false);
  });

  it('finds another post that names the photo in another way (percent-encoded, an entity)', async () => {
    const dir = await convertSite();
    const other = (body: string) => `+++\ntitle = "o"\ndate = 2019-12-01T19:00:00+09:00\n+++\n\n${body}\n`;
    writeFileSync(path.join(dir, 'content/blog/pct.md'), other('![b](/img/c/%62ig.jpg)'));
    writeFileSync(path.join(dir, 'content/blog/ent.md'), other('<img src="/img/c/&#98;ig.jpg" alt="">'));
    const run = imagesConvertCommand('content/blog/convert.md', {}, testDeps({ cwd: dir }).deps);
    await expect(run).rejects.toMatchObject({ location: 'static/img/c/big.jpg' });
    await expect(run).rejects.toThrow(/content\/blog\/ent\.md, content\/blog\/pct\.md/);
    // With --all-posts: the encoded one is rewritten, the entity one cannot be, so big.jpg stays for both.
    const { deps, stderr } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/convert.md', { allPosts: true }, deps)).toBe(0);
    expect(stderr()).toContain('static/img/c/big.jpg は変換しません: content/blog/ent.md:6:11');
    expect(existsSync(path.join(dir, 'static/img/c/big.jpg'))).toBe(true);
    expect(read(dir, 'content/blog/pct.md')).toBe(other('![b](/img/c/%62ig.jpg)'));
  });

  it('leaves a photo whose reference is written with entities, and says where', async () => {
    const dir = copySite('example');
    await photo(path.join(dir, 'static/img/c/a.jpg'));
    const text = '+++\ntitle = "e"\ndate = 2019-11-01T19:00:00+09:00\n+++\n\n<img src="/img/c/a&#46;jpg" alt="">\n';
    writeFileSync(path.join(dir, 'content/blog/e.md'), text);
    const { deps, stderr } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/e.md', {}, deps)).toBe(0);
    expect(stderr()).toContain('static/img/c/a.jpg は変換しません: content/blog/e.md:6:11 の参照');
    expect(read(dir, 'content/blog/e.md')).toBe(text);
    expect(readdirSync(path.join(dir, 'static/img/c'))).toEqual(['a.jpg']);
  });

  it.skipIf(!heifEnc)('converts a HEIC that browsers other than Safari do not show', async () => {
    const dir = copySite('example');
    const jpeg = path.join(dir, 'source.jpg');
    await photo(jpeg, 800);
    mkdirSync(path.join(dir, 'static/img/c'), { recursive: true });
    execFileSync('heif-enc', ['-q', '60', '-o', path.join(dir, 'static/img/c/IMG_0100.HEIC'), jpeg]);
    rmSync(jpeg);
    const text = '+++\ntitle = "h"\ndate = 2019-11-01T19:00:00+09:00\n+++\n\n![iPhone](/img/c/IMG_0100.HEIC)\n';
    writeFileSync(path.join(dir, 'content/blog/h.md'), text);
    const { deps } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/h.md', {}, deps)).toBe(0);
    expect(read(dir, 'content/blog/h.md')).toBe(text.replace('IMG_0100.HEIC', 'img_0100.webp'));
    expect(readdirSync(path.join(dir, 'static/img/c'))).toEqual(['img_0100.webp']);
    expect((await sharp(path.join(dir, 'static/img/c/img_0100.webp')).metadata()).width).toBe(800);
  });

  it('Ctrl-C leaves the site as it was, or wholly converted, never in between', async () => {
    const states: string[] = [];
    for (const delay of [150, 300, 450, 600, 750, 900, 1200]) {
      const dir = await convertSite();
      const before = snapshotTree(dir);
      const child = spawn(process.execPath, [BIN, 'images', 'convert', 'content/blog/convert.md'], {
        cwd: dir,
        env: { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') },
        stdio: 'ignore',
      });
      const closed = once(child, 'close');
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGINT');
      await closed;
      rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
      const names = readdirSync(path.join(dir, 'static/img/c')).sort();
      if (JSON.stringify(snapshotTree(dir)) === JSON.stringify(before)) states.push('as it was');
      else {
        expect([delay, read(dir, 'content/blog/convert.md')]).toEqual([delay, CONVERTED]);
        expect([delay, names]).toEqual([delay, ['big.webp', 'cover.webp', 'img_0042.webp', 'small.webp']]);
        states.push('converted');
      }
    }
    expect(states).toHaveLength(7);
  });

  it.skipIf(!hugo)('Hugo builds the example report with its converted photos', async () => {
    const dir = copySite('example');
    const { deps } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/denago_3.md', {}, deps)).toBe(0);
    const out = buildSite(dir);
    const html = builtPage(out, 'denago_3/index.html');
    expect(html).toContain('src="/img/2019/11/denago_3/dinner.webp"');
    expect(html).toContain('src="/img/2019/11/denago_3/session1.webp"');
    expect(html).not.toMatch(/\.JPG/);
    for (const name of ['dinner.webp', 'session1.webp', 'featured.webp'])
      expect(existsSync(path.join(out, 'img/2019/11/denago_3', name))).toBe(true);
  });

  it('one photo that cannot be read is one message; the others are converted (exit 1)', async () => {
    const dir = await convertSite();
    // A JPEG cut short after its first bytes (a copy that failed): its header says JPEG, sharp cannot read it.
    const cut = readFileSync(path.join(dir, 'static/img/c/big.jpg')).subarray(0, 400);
    writeFileSync(path.join(dir, 'static/img/c/big.jpg'), cut);
    const { deps, stderr } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/convert.md', {}, deps)).toBe(1);
    expect(stderr()).toContain('meetup-note: static/img/c/big.jpg: 写真として読めません');
    const text = read(dir, 'content/blog/convert.md');
    expect(text).toContain('/img/c/img_0042.webp');
    expect(text).toContain('[p]: /img/c/big.jpg');
    expect(readdirSync(path.join(dir, 'static/img/c')).sort()).toEqual([
      'big.jpg',
      'cover.webp',
      'img_0042.webp',
      'small.webp',
    ]);
    // When none can be read, nothing is written and nothing said of originals.
    const none = copySite('example');
    for (const name of ['dinner.JPG', 'session1.JPG'])
      writeFileSync(path.join(none, 'static/img/2019/11/denago_3', name), cut);
    rmSync(path.join(none, 'static/img/2019/11/denago_3/featured.png'));
    const before = snapshotTree(none);
    const broken = testDeps({ cwd: none });
    expect(await imagesConvertCommand('content/blog/denago_3.md', {}, broken.deps)).toBe(1);
    expect(snapshotTree(none)).toEqual(before);
    expect(broken.stderr()).not.toContain('削除');
  });

  it('says so when nothing needs converting (photos kept in their format, already fit)', async () => {
    const dir = copySite('example');
    const config = path.join(dir, 'meetup-note.toml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\n[images]\nformat = "keep"\n`);
    const { deps, stderr } = testDeps({ cwd: dir });
    expect(await imagesConvertCommand('content/blog/denago_3.md', {}, deps)).toBe(0);
    expect(stderr()).toContain('変換が必要な JPEG・PNG・HEIC・TIFF の写真はありません');
  });
});
