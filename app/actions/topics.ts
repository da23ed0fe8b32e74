'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { createTopic } from '@/lib/topics/create-topic';
import { TOPIC_FIELDS } from '@/lib/topics/schemas';
import { updateTopic } from '@/lib/topics/update-topic';
import { recordSpokenSummary, removeSpokenSummary } from '@/lib/topics/spoken-summary';
import { defaultMediaDir } from '@/lib/media/config';
import { refreshTopic } from './cache';
import { keyed, pick, readForm, refused } from './helpers';

/** Topics (lib/topics): an official publishes, edits and moves a consultation along. */

export const createTopicAction = keyed('topics.createTopicAction', async function createTopicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = createTopic(ctx.db, ctx.actor, pick(form, ['communeId', ...TOPIC_FIELDS]));
  if (!result.ok) return refused(result, form);
  redirect(localePath(form.locale, `/topics/${result.value.topicId}/edit?saved=1`));
});

export const updateTopicAction = keyed('topics.updateTopicAction', async function updateTopicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = updateTopic(ctx.db, ctx.actor, pick(form, ['topicId', ...TOPIC_FIELDS]));
  if (!result.ok) return refused(result, form);
  refreshTopic(result.value.topicId);
  redirect(localePath(form.locale, `/topics/${result.value.topicId}/edit?saved=1`));
});

export const changePhaseAction = keyed('topics.changePhaseAction', async function changePhaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = changeTopicPhase(ctx.db, ctx.actor, pick(form, ['topicId', 'phase', 'decision']));
  if (!result.ok) return refused(result, form);
  refreshTopic(result.value.topicId);
  redirect(localePath(form.locale, `/topics/${result.value.topicId}?phase=1`));
});

/** A spoken summary of the topic or of its decision (issue 13 §5): the cached topic page shows it at once. */
export const recordSpokenSummaryAction = keyed('topics.recordSpokenSummaryAction', async function recordSpokenSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = await recordSpokenSummary(ctx, { ...pick(form, ['topicId', 'summary', 'language']), file: formData.get('audio') }, { mediaDir: defaultMediaDir() });
  if (!result.ok) return refused(result, { ...form, values: { ...form.values, audio: '' } });
  refreshTopic(result.value.topicId);
  redirect(localePath(form.locale, `/topics/${result.value.topicId}/summaries?recorded=1`));
});

/** Plain form: the outcome travels in the URL. */
export const removeSpokenSummaryAction = keyed('topics.removeSpokenSummaryAction', async function removeSpokenSummaryAction(formData: FormData): Promise<void> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = removeSpokenSummary(ctx, pick(form, ['topicId', 'mediaId']), defaultMediaDir());
  if (result.ok) refreshTopic(result.value.topicId);
  redirect(localePath(form.locale, `/topics/${encodeURIComponent(form.values.topicId ?? '')}/summaries?${result.ok ? 'removed=1' : `error=${result.error}`}`));
});
