'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { castVote } from '@/lib/votes/cast-vote';
import { refreshTopic } from './cache';
import { keyed, pick, readForm, refused } from './helpers';

/** Votes on topics (lib/votes). */
export const castVoteAction = keyed('votes.castVoteAction', async function castVoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = castVote(ctx.db, ctx.actor, pick(form, ['topicId', 'choice']));
  if (!result.ok) return refused(result, form);
  refreshTopic(result.value.topicId);
  redirect(localePath(form.locale, `/topics/${result.value.topicId}?voted=1#vote`));
});
