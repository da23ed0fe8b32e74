'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { createTopic } from '@/lib/topics/create-topic';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { updateTopic } from '@/lib/topics/update-topic';
import type { FormState } from '@/lib/forms/state';
import { refreshTopic } from './cache';
import { failed, fields, pathFor } from './helpers';

const TOPIC_FIELDS = ['title', 'summary', 'body', 'sector', 'location', 'opensAt', 'closesAt', 'pollOptions'] as const;

export async function createTopicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = createTopic(getDb(), await getActor(), fields(formData, ['communeId', ...TOPIC_FIELDS]));
  if (!result.ok) return failed(result, formData);
  redirect(await pathFor(formData, `/topics/${result.value.topicId}/edit?saved=1`));
}

export async function updateTopicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['topicId', ...TOPIC_FIELDS]);
  const result = updateTopic(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  refreshTopic(result.value.topicId);
  redirect(await pathFor(formData, `/topics/${result.value.topicId}/edit?saved=1`));
}

export async function changePhaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['topicId', 'phase', 'decision']);
  const result = changeTopicPhase(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  refreshTopic(input.topicId);
  redirect(await pathFor(formData, `/topics/${encodeURIComponent(input.topicId ?? '')}?phase=1`));
}
