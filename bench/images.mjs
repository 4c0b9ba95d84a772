// `images add` of 20 phone-size photos (4032×3024 JPEG, noise: about 8 MB each, sideways): wall time, CPU time
// (user + sys over wall: above 1 means more than one core worked) and peak RSS.
// Usage: node bench/images.mjs [photos=20]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { BIN, REPO } from './lib.mjs';

const count = Number(process.argv[2] ?? 20);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'meetup-note-images-'));
const site = path.join(work, 'site');
fs.cpSync(path.join(REPO, 'examples', 'site'), site, { recursive: true });
const photos = [];
const [width, height] = [4032, 3024];
// Noise compresses badly, as a photo does (worse: about 8 MB at quality 90).
const pixels = Buffer.alloc(width * height * 3);
for (let i = 0; i < pixels.length; i++) pixels[i] = ((i * 2654435761) >>> 24) ^ (i >> 9);
for (let i = 0; i < count; i++) {
  const file = path.join(work, `IMG_${String(i).padStart(4, '0')}.JPG`);
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toFile(file);
  photos.push(file);
}
const bytes = photos.reduce((n, file) => n + fs.statSync(file).size, 0);
const run = spawnSync(
  '/usr/bin/time',
  ['-f', '%e %U %S %M', process.execPath, BIN, 'images', 'add', ...photos, '--post', 'content/blog/denago_3.md', '-y'],
  {
    cwd: site,
    encoding: 'utf8',
  },
);
const [wall, user, sys, kib] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
const out = path.join(site, 'static/img/2019/11/denago_3');
const written = fs.readdirSync(out).filter((name) => name.endsWith('.webp'));
const after = written.reduce((n, name) => n + fs.statSync(path.join(out, name)).size, 0);
const cpu = user + sys;
console.log(
  `images add of ${count} photos (${(bytes / 1048576).toFixed(0)} MB in, ${(after / 1048576).toFixed(1)} MB out, ` +
    `${written.length} written): ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s = ${(cpu / wall).toFixed(2)} ` +
    `cores busy, peak RSS ${(kib / 1024).toFixed(0)} MiB, exit ${run.status}`,
);
fs.rmSync(work, { recursive: true, force: true });
