// Generates a Hugo site of N meetup reports shaped like a real meetup blog, for the lint bench: posts of about
// 6.5 KB with TOML front matter and [[images]], 3 to 5 images each in every URL form meetup-note reads (Markdown,
// <img>, absolute self URLs, shortcodes, references, page bundles), about 4.5 static files per post (photos and
// their unreferenced thumbnails), a few defects, committed to git.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TERMS = [
  'Go',
  'Rust',
  'TypeScript',
  'Kubernetes',
  'AWS',
  'GCP',
  'Docker',
  'Python',
  'Ruby',
  'React',
  'Vue',
  'Hugo',
  'Terraform',
  'PostgreSQL',
  'Redis',
  '勉強会',
  'LT',
  'セキュリティ',
  '機械学習',
  'パフォーマンス',
];
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex');
const LOREM = '今日は勉強会に参加しました。Go のスケジューラの話と、Kubernetes の運用の話が面白かったです。'.repeat(9);

function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

export function generateSite(dir, count) {
  const rand = random(count);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'content', 'posts'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'hugo.toml'),
    'baseURL = "https://bench.example/"\nlanguageCode = "ja"\ntitle = "bench"\n',
  );
  fs.writeFileSync(path.join(dir, 'meetup-note.toml'), 'language = "en"\n[aliases]\nGolang = "Go"\n');
  for (let i = 1; i <= count; i++) {
    const slug = `p${String(i).padStart(5, '0')}`;
    const month = String((i % 12) + 1).padStart(2, '0');
    const bundle = i % 2 === 0;
    const imageDir = bundle
      ? path.join(dir, 'content', 'posts', slug)
      : path.join(dir, 'static', 'img', '2024', month, slug);
    const url = (name) => (bundle ? name : `/img/2024/${month}/${slug}/${name}`);
    fs.mkdirSync(imageDir, { recursive: true });
    const images = 3 + Math.floor(rand() * 3);
    const names = Array.from({ length: images }, (_, k) => `photo${k}.png`);
    for (const name of names) fs.writeFileSync(path.join(imageDir, name), PNG);
    // Thumbnails nobody links, as photo tools leave them: files lint lists but never looks up.
    if (i % 2 === 1) fs.writeFileSync(path.join(imageDir, 'thumb.png'), PNG);
    const tags = [...new Set([pick(TERMS), pick(TERMS), pick(TERMS)])];
    if (i % 97 === 0) tags.push('go'); // a variant now and then
    const body = [];
    body.push(`# Meetup #${i}\n\n${LOREM}\n`);
    names.forEach((name, k) => {
      let ref = url(name);
      if (i % 101 === 0 && k === 0) ref = ref.replace('photo0', 'Photo0'); // a case defect
      if (i % 103 === 0 && k === 1) ref = ref.replace('photo1', 'missing1'); // a missing image
      const form = k % 4;
      if (form === 0) body.push(`![photo ${k}](${ref})\n`);
      else if (form === 1) {
        // An absolute URL of the site itself, as copied from the published page (image-self-url finds them).
        const src = !bundle && i % 10 === 1 ? `https://bench.example${ref}` : ref;
        body.push(`<img src="${src}" alt="photo ${k}" width="450">\n`);
      } else if (form === 2) body.push(`{{< figure src="${ref}" alt="photo ${k}" >}}\n`);
      else body.push(`![photo ${k}][img${k}]\n\n[img${k}]: ${ref}\n`);
      body.push(`\n${LOREM}\n\n\`\`\`go\nfunc main() { println("![not an image](/nope.png)") }\n\`\`\`\n`);
    });
    const frontMatterImage = bundle ? names[0] : `img/2024/${month}/${slug}/${names[0]}`;
    const text =
      `+++\ntitle = "【Meetup #${i}】report"\ndate = 2024-${month}-01T19:00:00+09:00\ndraft = ` +
      `false\ncategories = ["勉強会"]\ntags = [${tags.map((t) => JSON.stringify(t)).join(', ')}]\n[[images]]\n  src = ` +
      `"${frontMatterImage}"\n+++\n\n${body.join('\n')}`;
    fs.writeFileSync(bundle ? path.join(imageDir, 'index.md') : path.join(dir, 'content', 'posts', `${slug}.md`), text);
  }
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'site');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateSite(process.argv[2], Number(process.argv[3] ?? 1000));
}
