import { createHash } from 'node:crypto';

/**
 * A post's bytes in 20: the lint cache knows a post whose mtime changed but not its bytes (a git checkout, a CI
 * clone) by it. SHA-1 as git's blob ids; loaded only by a large run (node:crypto costs a commit's lint 3 to 5 ms).
 */
export function contentDigest(bytes: Uint8Array): Uint8Array {
  return createHash('sha1').update(bytes).digest();
}
