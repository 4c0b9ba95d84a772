import type { Language, SiteConfig } from '../config/types.js';
import type { Messages } from '../i18n/messages.js';
import type { Problem } from '../i18n/problems.js';
import type { Lookup } from './file-index.js';
import type { PhotoLookup } from './photo-index.js';
import type { ImageRef } from '../post/markdown-refs.js';
import type { PostModel } from '../post/model.js';
import type { Target } from './resolve.js';
import type { TermIndex } from '../site/terms.js';

export type Severity = 'error' | 'warn';

import type { Fix } from '../post/edits.js';
import type { Place } from '../text/positions.js';

export type { Fix, Place };

type RuleWords = Messages['rules'];

/**
 * A rule's message as data, as ESLint's messageId: the catalog id and its arguments. It is worded in the
 * site's language once the run is over (`wordDiagnostics`), so a run without findings never loads the
 * catalog, and findings cross worker threads as plain data.
 */
export type RuleMessage =
  | { [K in keyof RuleWords]: RuleWords[K] extends (...args: infer A) => string ? [K, ...A] : [K] }[keyof RuleWords]
  | ['problem', Problem];

/** What a rule reports; severity comes from the rule's meta or the site's [lint.rules]. */
export interface Report {
  place: Place;
  message: RuleMessage;
  fix?: Fix;
  /** A photo whose metadata `--fix` takes out (image-gps): a fix of the file, not of the post's text. */
  photo?: string;
}

export interface Diagnostic extends Omit<Report, 'message'> {
  /** The message, worded in the site's language. */
  message: string;
  /** The message as data, until it is worded. */
  words?: RuleMessage;
  ruleId: string | null;
  severity: Severity;
  /** A file that could not be linted at all (binary, not UTF-8): ESLint's fatal messages. */
  fatal?: boolean;
}

export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  fixable: boolean;
  /** 'site': the rule needs every post read first (the term index) or git's answer; it runs last. */
  scope?: 'post' | 'site';
}

/** An image reference, where its URL points, and what the disk says about it. */
export interface ResolvedImage {
  ref: ImageRef;
  target: Target;
  /**
   * For local targets: the best of the candidates (found, else found with another case, else the first one missing).
   */
  lookup?: Lookup;
  /** The site-relative path that was looked for first, for messages. */
  display?: string;
}

export interface RuleContext {
  post: PostModel;
  images: ResolvedImage[];
  site: SiteConfig;
  terms: TermIndex;
  /** Files git tracks, or undefined when that is not known (no git work tree). */
  tracked?: Set<string>;
  now: Date;
  language: Language;
  /**
   * The sections whose pages carry dates (that of new.postPath, and those where most pages have one): known to site
   * rules.
   */
  datedSections?: Set<string>;
  /** What the photos referenced are (size, format, pixels, GPS), when the engine can read them. */
  photos?: PhotoLookup;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Report[];
}
