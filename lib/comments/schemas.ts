import { z } from 'zod';
import { STANCES } from './stances';
import { idParam, requiredText } from '@/lib/validation';

export const COMMENT_MAX = 3000;

const optionalParent = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.union([z.null(), idParam]));

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), idParam.optional());

/** A comment is on a topic or on a citizen project: exactly one of topicId and projectId. */
export const createCommentSchema = z
  .strictObject({
    topicId: optionalId,
    projectId: optionalId,
    parentId: optionalParent.optional(),
    stance: z.enum(STANCES, 'stanceRequired'),
    body: requiredText(2, COMMENT_MAX),
  })
  .superRefine((v, ctx) => {
    if (!v.topicId === !v.projectId) ctx.addIssue({ code: 'custom', message: 'notFound', path: ['_form'] });
  });

export const editCommentSchema = z.strictObject({
  commentId: idParam,
  stance: z.enum(STANCES, 'stanceRequired'),
  body: requiredText(2, COMMENT_MAX),
});

export const commentIdSchema = z.strictObject({ commentId: idParam });

export const supportCommentSchema = z.strictObject({ commentId: idParam, intent: z.enum(['add', 'remove'], 'invalidChoice') });
