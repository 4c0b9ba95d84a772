import { execFile } from 'node:child_process';
import path from 'node:path';
import {
  CONFIG_FILE,
  DEFAULT_NEW,
  buildSiteConfig,
  findSiteRoot,
  resolveStartDir,
  resolveTimezone,
} from '../config/load.js';
import { readHugoSettings } from '../config/hugo.js';
import type { Deps } from '../deps.js';
import { ConflictError, UsageError } from '../errors.js';
import { MESSAGES } from '../i18n/messages.js';
import { createFile } from '../io/files.js';
import { listPosts } from '../site/posts.js';
import { tomlString } from '../toml/write.js';
import { displayPath } from '../io/paths.js';

/** The section most posts live in, and whether they are page bundles: the default for new.postPath. */
export function guessPostPath(contentDir: string, posts: string[]): string {
  const sections = new Map<string, { count: number; bundles: number }>();
  for (const post of posts) {
    const parts = path.relative(contentDir, post).split(path.sep);
    if (parts.length < 2 || /^_index\./.test(parts.at(-1)!)) continue;
    const entry = sections.get(parts[0]!) ?? { count: 0, bundles: 0 };
    entry.count++;
    if (/^index\.(md|markdown)$/.test(parts.at(-1)!)) entry.bundles++;
    sections.set(parts[0]!, entry);
  }
  const best = [...sections].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0];
  if (!best) return DEFAULT_NEW.postPath;
  const [section, { count, bundles }] = best;
  return bundles * 2 > count ? `${section}/{slug}/index.md` : `${section}/{slug}.md`;
}

export function renderInitConfig(values: {
  source: string | undefined;
  contentDir: string;
  staticDir: string;
  baseURL: string;
  language: string;
  timezone: string;
  postPath: string;
  author?: string;
}): string {
  const q = tomlString;
  const source = values.source
    ? `# Pre-filled from ${values.source}; Hugo's own settings are read too, so you only need what differs.\n`
    : '';
  return `# meetup-note settings (docs/configuration.md). Delete a line to use the default.
${source}
contentDir = ${q(values.contentDir)}
staticDir = ${q(values.staticDir)}
baseURL = ${q(values.baseURL)}
language = ${q(values.language)}            # "ja" or "en": prompts, messages and templates
timezone = ${q(values.timezone)}     # dates without an offset are read in this zone
author = ${q(values.author ?? '')}

[new]
# Where \`meetup-note new\` writes the post, under contentDir: {slug} {yyyy} {mm} {dd}.
# ".../{slug}/index.md" makes a page bundle, with the photos beside it.
postPath = ${q(values.postPath)}
# Where the photos go, under staticDir (not used for page bundles).
imageDir = "img/{yyyy}/{mm}/{slug}"
draft = true
categories = []
tags = []

# Extra front matter for every new post; strings may use {slug} {yyyy} {mm} {dd} {imageDir}.
# [new.frontMatter]
# type = "post"
# [[new.frontMatter.images]]
# src = "{imageDir}/featured.png"
# alt = "featured"

# How \`meetup-note images add\` brings photos in: upright, at most maxWidth wide, in this format
# ("webp", "jpeg", "avif" or "keep"), without location or camera data.
# [images]
# maxWidth = 1600
# format = "webp"
# quality = 80
# maxBytes = 1000000

# Where add-session puts a new talk: before this marker, or before one of these headings.
# [session]
# endMarker = "<!-- meetup-note:end -->"
# endHeadings = ["まとめ", "懇親会"]

# The terms lint accepts, per taxonomy (without this, any term is accepted).
# [taxonomies]
# tags = ["Go", "Rust", "勉強会"]

# Spellings lint rewrites to the canonical term.
# [aliases]
# Golang = "Go"

# Severity of each lint rule: "off", "warn" or "error".
# [lint.rules]
# image-alt = "off"
`;
}

/** `git config user.name` in that folder (fixed arguments, 2 s), for the author; empty when git has none. */
function gitUserName(cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 2_000 }, (error, stdout) =>
      resolve(error ? '' : stdout.trim()),
    );
  });
}

export async function initCommand(options: { cwd?: string; here?: boolean }, deps: Deps): Promise<number> {
  const start = await resolveStartDir(deps, options.cwd);
  const found = await findSiteRoot(deps, start);
  if (!found && !options.here) {
    // Outside a site a config helps no one: say so, rather than write one into any folder.
    throw new UsageError((m) => m.config.initOutsideSite(displayPath(deps.cwd, start)));
  }
  const root = found?.root ?? start;
  const file = path.join(root, CONFIG_FILE);
  if (found?.configFile) throw new ConflictError((m) => m.config.initExists, displayPath(deps.cwd, found.configFile));
  const hugo = await readHugoSettings(deps.fs, root, found?.names);
  const site = buildSiteConfig({ root, config: {}, hugo, env: deps.env, source: hugo?.file ?? root });
  const posts = await listPosts(deps.fs, root, [site.contentDir]);
  const text = renderInitConfig({
    source: hugo?.file,
    contentDir: site.contentDir,
    staticDir: site.staticDir,
    baseURL: site.baseURL,
    language: site.language,
    timezone: resolveTimezone(site, deps.env),
    postPath: guessPostPath(path.join(root, site.contentDir), posts),
    author: await gitUserName(root),
  });
  await createFile(deps.fs, file, text, displayPath(deps.cwd, file));
  deps.stdout.write(`${displayPath(deps.cwd, file)}\n`);
  const next = `meetup-note new${options.cwd ? ` -C ${options.cwd}` : ''}`;
  deps.stderr.write(`${MESSAGES[site.language].config.initCreated(displayPath(deps.cwd, file), next)}\n`);
  return 0;
}
