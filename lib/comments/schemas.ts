import { z } from 'zod';
import { STANCES } from '@/db/schema';
import { idParam, requiredText } from '@/lib/validation';

export const COMMENT_MAX = 3000;

const optionalParent = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.union([z.null(), idParam]));

export const createCommentSchema = z.strictObject({
  topicId: idParam,
  parentId: optionalParent.optional(),
  stance: z.enum(STANCES, 'stanceRequired'),
  body: requiredText(2, COMMENT_MAX),
});

export const editCommentSchema = z.strictObject({
  commentId: idParam,
  stance: z.enum(STANCES, 'stanceRequired'),
  body: requiredText(2, COMMENT_MAX),
});

export const commentIdSchema = z.strictObject({ commentId: idParam });

export const supportCommentSchema = z.strictObject({ commentId: idParam, intent: z.enum(['add', 'remove'], 'invalidChoice') });
