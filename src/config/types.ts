export type Language = 'ja' | 'en';
export type Severity = 'off' | 'warn' | 'error';

export interface NewPostSettings {
  /** Under the content folder; `{slug}` `{yyyy}` `{mm}` `{dd}`; ending in `/index.md` makes a page bundle. */
  postPath: string;
  /** Under the static folder; ignored for page bundles, whose images sit beside index.md. */
  imageDir: string;
  draft: boolean;
  categories: string[];
  tags: string[];
  /** Extra front matter copied into every new post; string values may use `{slug}` `{imageDir}` and the date fields. */
  frontMatter: Record<string, unknown>;
}

export interface SessionSettings {
  /** A comment that marks where the sessions end; new sessions go before it. */
  endMarker: string;
  /** Headings of closing parts (まとめ, 懇親会) that new sessions go before. */
  endHeadings: string[];
}

export interface LintSettings {
  rules: Record<string, Severity>;
  requiredFields: string[];
  /** Front matter keys that hold images: a string, a list of strings, or tables with `src`. */
  imageKeys: string[];
  /** Where each rule of [lint.rules] is set (`meetup-note.toml:4:1`), for messages. */
  ruleSources: Record<string, string>;
}

export interface SiteConfig {
  /** Absolute path of the site root. */
  root: string;
  /** Absolute path of meetup-note.toml, when there is one. */
  configFile?: string;
  /** Absolute path of the Hugo (or Zola) config file that was read, when there is one. */
  hugoConfigFile?: string;
  /** Relative to root, with `/`. */
  contentDir: string;
  /** Every content folder: contentDir plus those of other languages. */
  contentDirs: string[];
  staticDir: string;
  /** Every folder whose files are served at the site root: staticDir(s), then the themes' static folders. */
  staticDirs: string[];
  /** The site's and its themes' `assets` folders (relative to root): an image render hook may find images there. */
  assetsDirs: string[];
  /**
   * True when a Markdown image goes through a render hook (the site's or a theme's
   * `_markup/render-image.html`): such hooks look the destination up among the page's resources.
   */
  imageRenderHook: boolean;
  /**
   * Hugo publishes page paths in lower case (unless `disablePathToLower`): `Python-Custom/` is served as
   * `python-custom/`.
   */
  pathToLower: boolean;
  baseURL: string;
  language: Language;
  /**
   * The configured time zone (meetup-note.toml, else Hugo's timeZone), not yet checked: checking
   * loads ICU, which costs lint and add-session start-up for nothing. Use `resolveTimezone`.
   */
  timezone?: string;
  /** Where the time zone came from, for messages. */
  timezoneSource: string;
  author: string;
  new: NewPostSettings;
  session: SessionSettings;
  /** Front matter keys of the taxonomies (Hugo's plural names). */
  taxonomyKeys: string[];
  /** A configured vocabulary per taxonomy key. */
  vocabulary: Record<string, string[]>;
  aliases: Record<string, string>;
  lint: LintSettings;
  images: ImageSettings;
}

/** How `images add` brings photos in ([images] in meetup-note.toml). */
export interface ImageSettings {
  /** Wider photos are scaled down to this width, never up. */
  maxWidth: number;
  /** The format written: `keep` keeps the photo's own (HEIC becomes JPEG: browsers other than Safari show no HEIC). */
  format: 'webp' | 'jpeg' | 'avif' | 'keep';
  /** The encoder's quality, 1 to 100. */
  quality: number;
  /** lint's image-heavy warns about a referenced image larger than this. */
  maxBytes: number;
}
