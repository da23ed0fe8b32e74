import { z } from 'zod';
import { STANCES } from './stances';
import { idParam } from '@/lib/validation';

export const COMMENT_MAX = 3000;

const optionalParent = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.union([z.null(), idParam]));

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), idParam.optional());

/** A comment's text: at least 2 characters, unless the comment is a recording (then it may be empty). */
const optionalText = z.string('required').trim().max(COMMENT_MAX, 'tooLong');
const textRule = (body: string, hasVoice: boolean) => (hasVoice || body.length >= 2 ? null : body.length === 0 ? 'required' : 'tooShort');

/**
 * A comment is on a topic or on a citizen project: exactly one of topicId and projectId. With a recording
 * (mediaId: the author's pending recording of kind 'comment', lib/media), the text is optional.
 */
export const createCommentSchema = z
  .strictObject({
    topicId: optionalId,
    projectId: optionalId,
    parentId: optionalParent.optional(),
    stance: z.enum(STANCES, 'stanceRequired'),
    body: z.preprocess((v) => (v === undefined || v === null ? '' : v), optionalText),
    mediaId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (!v.topicId === !v.projectId) ctx.addIssue({ code: 'custom', message: 'notFound', path: ['_form'] });
    const rule = textRule(v.body, !!v.mediaId);
    if (rule) ctx.addIssue({ code: 'custom', message: rule, path: ['body'] });
  });

export { textRule as commentTextRule };

/** The text of a voice comment may be emptied (edit-comment.ts checks it has a recording). */
export const editCommentSchema = z.strictObject({
  commentId: idParam,
  stance: z.enum(STANCES, 'stanceRequired'),
  body: optionalText,
});

export const commentIdSchema = z.strictObject({ commentId: idParam });

export const supportCommentSchema = z.strictObject({ commentId: idParam, intent: z.enum(['add', 'remove'], 'invalidChoice') });
