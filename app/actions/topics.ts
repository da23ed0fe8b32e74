'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { createTopic } from '@/lib/topics/create-topic';
import { TOPIC_FIELDS } from '@/lib/topics/schemas';
import { updateTopic } from '@/lib/topics/update-topic';
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
