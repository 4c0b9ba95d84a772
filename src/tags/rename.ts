import type { Messages } from '../i18n/messages.js';
import type { PostModel } from '../post/model.js';
import { type Fix, removeTerm, replaceTerm } from '../post/edits.js';

export interface RenamePlan {
  fixes: Fix[];
  /** Occurrences of `from` in the lists that were looked at. */
  found: number;
  /** True when the post had `to` already, so `from` was taken out instead of rewritten. */
  merged: boolean;
  /** Why a token cannot be rewritten (a multi-line string, JSON front matter), if so. */
  blocked?: (m: Messages) => string;
}

/**
 * The edits that rename `from` to `to` in the term lists of a post: the first `from` is rewritten in
 * its own quoting, or removed when `to` is there already; any further `from` is removed. Only those
 * tokens (and a removed token's comma) change. Removals next to each other overlap: the caller
 * applies what does not overlap and plans again.
 */
export function planRename(post: PostModel, taxonomies: string[], from: string, to: string): RenamePlan {
  const plan: RenamePlan = { fixes: [], found: 0, merged: false };
  const wanted = new Set(taxonomies.map((t) => t.toLowerCase()));
  for (const [taxonomy, field] of post.taxonomies) {
    if (!wanted.has(taxonomy) || !field.terms) continue;
    let hasTo = field.terms.some((token) => token.value === to);
    if (hasTo && field.terms.some((token) => token.value === from)) plan.merged = true;
    for (const token of field.terms) {
      if (token.value !== from) continue;
      plan.found++;
      const fix = hasTo ? removeTerm(token) : replaceTerm(token, to);
      if (!fix) {
        const { line, column } = token.place;
        plan.blocked = (m) => (post.format === 'json' ? m.tags.jsonTerms : m.tags.multiLineTerm(line, column));
        continue;
      }
      plan.fixes.push(fix);
      hasTo = true;
    }
  }
  return plan;
}
