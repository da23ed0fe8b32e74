'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import { postComment } from '@/lib/comments/create-comment';
import { defaultMediaDir } from '@/lib/media/config';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { subjectPath, type CommentSubjectRef } from '@/lib/comments/subject';
import { supportComment } from '@/lib/comments/support-comment';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { idParam } from '@/lib/validation';
import { refreshSubject } from './cache';
import { keyed, pick, readForm, refused, type SubmittedForm } from './helpers';

/** Comments on topics and citizen projects (lib/comments): the result says what changed and where to go back. */

function back(form: SubmittedForm, subject: CommentSubjectRef, query: string, commentId: number | string): never {
  redirect(`${localePath(form.locale, subjectPath(subject))}?${query}#comment-${commentId}`);
}

/** A refused plain form goes back to the page it was on: the subject its hidden fields name. */
function formSubject(form: SubmittedForm): CommentSubjectRef | null {
  const project = idParam.safeParse(form.values.projectId);
  if (project.success) return { kind: 'project', id: project.data };
  const topic = idParam.safeParse(form.values.topicId);
  return topic.success ? { kind: 'topic', id: topic.data } : null;
}

/** Written, spoken or both (issue 13 §2): the form's `audio` file goes through lib/media with the comment. */
export const createCommentAction = keyed('comments.createCommentAction', async function createCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = await postComment(ctx.db, ctx.actor, pick(form, [form.values.projectId ? 'projectId' : 'topicId', 'parentId', 'stance', 'body']), formData.get('audio'), {
    mediaDir: defaultMediaDir(),
  });
  // The recording's error shows on its field (a file is not among the values kept); the text typed is kept.
  if (!result.ok) return refused(result, { ...form, values: { ...form.values, audio: '' } });
  refreshSubject(result.value.subject);
  back(form, result.value.subject, result.value.held ? 'held=1' : 'posted=1', result.value.commentId);
});

export const editCommentAction = keyed('comments.editCommentAction', async function editCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = editComment(ctx.db, ctx.actor, pick(form, ['commentId', 'stance', 'body']));
  if (!result.ok) return refused(result, form);
  refreshSubject(result.value.subject);
  back(form, result.value.subject, result.value.held ? 'held=1' : 'edited=1', result.value.commentId);
});

/** Plain forms (no state to show): the outcome travels in the URL. */
export const deleteCommentAction = keyed('comments.deleteCommentAction', async function deleteCommentAction(formData: FormData): Promise<void> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = deleteComment(ctx.db, ctx.actor, pick(form, ['commentId']));
  if (result.ok) {
    refreshSubject(result.value.subject);
    back(form, result.value.subject, 'deleted=1', result.value.commentId);
  }
  goBackRefused(form, `error=${result.error}`);
});

export const supportCommentAction = keyed('comments.supportCommentAction', async function supportCommentAction(formData: FormData): Promise<void> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = supportComment(ctx.db, ctx.actor, pick(form, ['commentId', 'intent']));
  if (result.ok) {
    refreshSubject(result.value.subject);
    back(form, result.value.subject, 'supported=1', result.value.commentId);
  }
  goBackRefused(form, `error=${result.error === 'rate_limited' ? 'capReachedLater' : result.error}`);
});

function goBackRefused(form: SubmittedForm, query: string): never {
  const subject = formSubject(form);
  if (!subject) redirect(localePath(form.locale, '/topics'));
  back(form, subject, query, encodeURIComponent(form.values.commentId ?? ''));
}
