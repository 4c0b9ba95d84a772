import type { Rule } from '../types.js';
import { dateFuture } from './date-future.js';
import { fileEncoding } from './file-encoding.js';
import { frontmatterCoerced } from './frontmatter-coerced.js';
import { frontmatterDate } from './frontmatter-date.js';
import { frontmatterFields } from './frontmatter-fields.js';
import { frontmatterSyntax } from './frontmatter-syntax.js';
import { imageAlt } from './image-alt.js';
import { imageCase } from './image-case.js';
import { imageFormat } from './image-format.js';
import { imageGps } from './image-gps.js';
import { imageHeavy } from './image-heavy.js';
import { imageLocalhost } from './image-localhost.js';
import { imageMissing } from './image-missing.js';
import { imageRootRelative } from './image-root-relative.js';
import { imageSelfUrl } from './image-self-url.js';
import { imageUntracked } from './image-untracked.js';
import { tagAlias } from './tag-alias.js';
import { tagDuplicate } from './tag-duplicate.js';
import { tagEmpty } from './tag-empty.js';
import { tagUnknown } from './tag-unknown.js';
import { tagVariant } from './tag-variant.js';

/** Every rule; adding one is a file in this folder and a line here. */
export const RULES: Rule[] = [
  fileEncoding,
  frontmatterSyntax,
  frontmatterFields,
  frontmatterDate,
  frontmatterCoerced,
  dateFuture,
  imageMissing,
  imageCase,
  imageUntracked,
  imageLocalhost,
  imageSelfUrl,
  imageRootRelative,
  imageAlt,
  imageGps,
  imageHeavy,
  imageFormat,
  tagEmpty,
  tagDuplicate,
  tagVariant,
  tagAlias,
  tagUnknown,
];
