/**
 * What a whole-site run does for each post before the site rules: read it into its model, run the post
 * rules, keep what the site rules need. The same function runs on the main thread and in the worker
 * threads of a large run (worker.ts), so their findings are the same.
 */
import type { Problem } from '../i18n/problems.js';
import { MAX_POST_BYTES, errnoOf } from '../io/files.js';
import { type ModelOptions, type PostModel, type TaxonomyField, buildPostModel } from '../post/model.js';
import { termsOfData } from '../site/terms.js';
import { type AnalyzedPost, type EnabledRule, type SiteSnapshot, analyzePost, checkPost, fileOf } from './core.js';
import type { Diagnostic } from './types.js';
import { type LookupCall, RecordedLookup } from './file-index.js';
import { Directives } from '../post/directives.js';
import { LineIndex } from '../text/positions.js';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** 1 when the file starts with a BOM (fix ranges in JSON do not count it, as ESLint's). */
  bomLength: number;
  /** The fixed text, when fixes were applied (or would be, with --fix-dry-run). */
  output?: string;
  /** The text as read, when fixes were planned. */
  source?: string;
}

export class TooLarge extends Error {
  constructor(readonly size: number) {
    super('too large');
  }
}

/** A post's bytes; more than an edit would take is not read into the model (a hostile 1 GB ".md"). */
export function checkedSize(bytes: Uint8Array): Uint8Array {
  if (bytes.length > MAX_POST_BYTES) throw new TooLarge(bytes.length);
  return bytes;
}

/** The model of a file that could not be read (ENOENT from a dangling link, ELOOP, EACCES, EISDIR) or linted. */
function unreadableModel(file: string, error: unknown, options: ModelOptions): PostModel {
  const model = buildPostModel(file, new Uint8Array(), options);
  const code = errnoOf(error);
  const problem: Problem =
    error instanceof TooLarge
      ? { id: 'tooLarge', size: error.size, limit: MAX_POST_BYTES }
      : { id: 'unreadable', code: code ?? String((error as Error | undefined)?.message ?? error) };
  model.fatal = { problem, place: model.top };
  return model;
}

/**
 * A copy of a string that does not keep the post's text alive: V8 makes slices of long strings point
 * into the original, and a whole-site run must not hold 10,000 posts in memory for their tags.
 */
function own(value: string): string {
  // Concatenating flattens into a new string that holds only this value; slicing it back is cheap.
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** What the site rules read of a post, with every string its own. */
function keptForSiteRules({ model, images }: AnalyzedPost): AnalyzedPost {
  const taxonomies = new Map<string, TaxonomyField>();
  for (const [key, field] of model.taxonomies) {
    const kept: TaxonomyField = {
      key: own(field.key),
      value: undefined,
      raw: '',
      place: field.place,
      hasNonString: field.hasNonString,
    };
    if (field.terms) {
      kept.terms = field.terms;
      for (const term of field.terms) term.value = own(term.value);
    }
    taxonomies.set(key, kept);
  }
  const post: PostModel = { ...model, fields: new Map(), images: [], taxonomies };
  delete post.data;
  // image-untracked reads the file found and where the URL is; the candidates and texts can go.
  const kept = images.flatMap((image) => {
    const file = fileOf(image);
    if (file === undefined) return [];
    const ref = { ...image.ref, url: '', raw: '', alt: '' };
    return [{ ref, target: { kind: 'local' as const, candidates: [] }, lookup: { status: 'found' as const, file } }];
  });
  return { model: post, images: kept };
}

/** What the site rules need of a post being linted, and how it stands to git's index. */
export interface LintedFacts {
  terms: Record<string, string[]> | undefined;
  /** Its section, when it counts there (not a list page or a headless bundle). */
  section: string | undefined;
  dated: boolean;
}

export interface PostPhase {
  /** What the site rules read of the post. */
  kept: AnalyzedPost;
  result: FileResult;
  facts: LintedFacts;
  /**
   * The file lookups its images made and what they answered, and a digest of its bytes, when asked for (the lint
   * cache keeps them).
   */
  lookups?: { calls: LookupCall[]; answers: string; digest: Uint8Array };
}

/** Gives a post phase that was serialized (sent by a worker, read from the cache) its methods back. */
export function revivePhase(phase: PostPhase): PostPhase {
  Object.setPrototypeOf(phase.kept.model.lines, LineIndex.prototype);
  Object.setPrototypeOf(phase.kept.model.directives, Directives.prototype);
  return phase;
}

/**
 * One post through the post rules, from its bytes (or why they could not be read). With `digestOf` (the lint
 * cache's), the file lookups of its images and a digest of its bytes are kept with it.
 */
export function lintPostPhase(
  file: string,
  read: Uint8Array | { error: unknown },
  snapshot: SiteSnapshot,
  modelOptions: ModelOptions,
  postRules: EnabledRule[],
  digestOf?: (bytes: Uint8Array) => Uint8Array,
): PostPhase {
  // One file that cannot be read or linted is one finding; the rest of the site is still linted.
  let post: AnalyzedPost;
  const recorded = digestOf ? new RecordedLookup(snapshot.files) : undefined;
  try {
    if ('error' in read) throw read.error;
    const bytes = checkedSize(read);
    post = analyzePost(file, bytes, recorded ? { ...snapshot, files: recorded } : snapshot, modelOptions);
  } catch (error) {
    post = { model: unreadableModel(file, error, modelOptions), images: [] };
  }
  const { model } = post;
  const facts: LintedFacts = {
    terms: model.data ? termsOfData(model.data, snapshot.site.taxonomyKeys) : undefined,
    section: model.isListPage || model.headless ? undefined : model.section,
    dated: model.dated,
  };
  const result: FileResult = {
    file,
    bomLength: model.lines.bomLength,
    diagnostics: checkPost(post, snapshot, postRules),
  };
  const phase: PostPhase = { kept: keptForSiteRules(post), result, facts };
  if (recorded && digestOf && !('error' in read)) {
    phase.lookups = { calls: recorded.calls, answers: recorded.answers, digest: digestOf(read) };
  }
  return phase;
}
