// The I/O floor of a whole-site lint: read every post and stat every static file, nothing else.
// Usage: node bench/floor.mjs <site>
import fs from 'node:fs';
import path from 'node:path';

const site = process.argv[2];
let posts = 0;
let files = 0;
function walk(dir, visit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full);
  }
}
walk(path.join(site, 'content'), (file) => {
  if (file.endsWith('.md')) {
    fs.readFileSync(file, 'utf8');
    posts++;
  } else {
    fs.statSync(file);
    files++;
  }
});
walk(path.join(site, 'static'), (file) => {
  fs.statSync(file);
  files++;
});
console.log(`${posts} posts read, ${files} files stat'ed`);
