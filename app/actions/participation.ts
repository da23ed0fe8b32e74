'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { createComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { supportComment } from '@/lib/comments/support-comment';
import type { FormState } from '@/lib/forms/state';
import { castVote } from '@/lib/votes/cast-vote';
import { refreshTopic } from './cache';
import { failed, fields, pathFor } from './helpers';

/** Back to what the comment is on: a topic, or a citizen project (the form says which). */
const topicPath = (formData: FormData, query: string, anchor: string) => {
  const projectId = String(formData.get('projectId') ?? '');
  const base = projectId ? `/projects/${encodeURIComponent(projectId)}` : `/topics/${encodeURIComponent(String(formData.get('topicId') ?? ''))}`;
  return pathFor(formData, `${base}?${query}#${anchor}`);
};

export async function castVoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = castVote(getDb(), await getActor(), fields(formData, ['topicId', 'choice']));
  if (!result.ok) return failed(result, formData);
  refreshTopic(String(formData.get('topicId')));
  redirect(await topicPath(formData, 'voted=1', 'vote'));
}

export async function createCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, [formData.get('projectId') ? 'projectId' : 'topicId', 'parentId', 'stance', 'body']);
  const result = createComment(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  const { commentId, held } = result.value;
  refreshTopic(String(formData.get('topicId')));
  redirect(await topicPath(formData, held ? 'held=1' : 'posted=1', `comment-${commentId}`));
}

export async function editCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = editComment(getDb(), await getActor(), fields(formData, ['commentId', 'stance', 'body']));
  if (!result.ok) return failed(result, formData);
  refreshTopic(String(formData.get('topicId')));
  redirect(await topicPath(formData, result.value.held ? 'held=1' : 'edited=1', `comment-${result.value.commentId}`));
}

/** Plain forms (no state to show): the outcome travels in the URL. */
export async function deleteCommentAction(formData: FormData): Promise<void> {
  const result = deleteComment(getDb(), await getActor(), fields(formData, ['commentId']));
  if (result.ok) refreshTopic(String(formData.get('topicId')));
  const id = String(formData.get('commentId') ?? '');
  redirect(await topicPath(formData, result.ok ? 'deleted=1' : `error=${result.error}`, `comment-${id}`));
}

export async function supportCommentAction(formData: FormData): Promise<void> {
  const result = supportComment(getDb(), await getActor(), fields(formData, ['commentId', 'intent']));
  if (result.ok) refreshTopic(String(formData.get('topicId')));
  const id = String(formData.get('commentId') ?? '');
  const error = result.ok ? '' : result.error === 'rate_limited' ? 'capReachedLater' : result.error;
  redirect(await topicPath(formData, result.ok ? 'supported=1' : `error=${error}`, `comment-${id}`));
}
