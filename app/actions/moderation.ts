'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { addModerationTerm } from '@/lib/moderation/add-term';
import { appealDecision, decideAppeal } from '@/lib/moderation/appeals';
import { moderateBulk, moderateContent } from '@/lib/moderation/moderate-content';
import { removeModerationTerm } from '@/lib/moderation/remove-term';
import { reportContent } from '@/lib/moderation/report-content';
import { suspendUser, warnUser } from '@/lib/moderation/sanctions';
import { updateModerationRules } from '@/lib/moderation/settings';
import { setTranscript } from '@/lib/media/transcript';
import { refreshAllTopics, refreshLearn, refreshTopic } from './cache';
import { keyed, pick, readForm, refused, safeNext, type SubmittedForm } from './helpers';

/** A course or a lesson changed what anonymous readers see: refresh the cached learning pages. */
function refreshLearnIf(...types: string[]): void {
  if (types.some((t) => t === 'course' || t === 'lesson')) refreshLearn();
}

/** Back to where the form was (its `next`: only our own paths), with the outcome in the query. */
function back(form: SubmittedForm, fallback: string, query: string): never {
  const base = safeNext(form.values.next ?? null) ?? localePath(form.locale, fallback);
  const [path, hash] = base.split('#');
  redirect(`${path}${path!.includes('?') ? '&' : '?'}${query}${hash ? `#${hash}` : ''}`);
}

export const reportAction = keyed('moderation.reportAction', async function reportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = reportContent(ctx.db, ctx.actor, pick(form, ['contentType', 'contentId', 'reason', 'details']), ctx.now);
  if (!result.ok) return refused(result, form);
  // Hidden at the threshold: anonymous readers of the topic must not see it any more.
  refreshTopic(result.value.topicId);
  refreshLearnIf(form.values.contentType ?? '');
  back(form, '/', 'reported=1');
});

export const moderateAction = keyed('moderation.moderateAction', async function moderateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = moderateContent(ctx.db, ctx.actor, pick(form, ['contentType', 'contentId', 'action', 'reason']), ctx.now);
  if (!result.ok) return refused(result, form);
  refreshTopic(result.value.topicId);
  refreshLearnIf(form.values.contentType ?? '');
  back(form, '/moderation', 'done=1');
});

export const bulkModerateAction = keyed('moderation.bulkModerateAction', async function bulkModerateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  // The ticked items: a repeated field, the only one not in form.values.
  const items = formData.getAll('items').map(String);
  const ctx = await requestContext();
  const result = moderateBulk(ctx.db, ctx.actor, { items, action: form.values.action ?? '', reason: form.values.reason ?? '' }, ctx.now);
  if (!result.ok) return refused(result, form);
  for (const id of result.value.topicIds) refreshTopic(id);
  refreshLearnIf(...items.map((item) => item.split(':')[0] ?? ''));
  back(form, '/moderation', `bulk=${result.value.done}-${result.value.skipped}`);
});

export const warnAction = keyed('moderation.warnAction', async function warnAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = warnUser(ctx.db, ctx.actor, pick(form, ['userId', 'reason', 'about']), ctx.now);
  if (!result.ok) return refused(result, form);
  back(form, '/moderation', 'warned=1');
});

export const suspendAction = keyed('moderation.suspendAction', async function suspendAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const input = { ...pick(form, ['userId', 'reason', 'days', 'about']), hideContent: form.values.hideContent === 'on' ? 'on' : '' };
  const result = suspendUser(ctx.db, ctx.actor, input, ctx.now);
  if (!result.ok) return refused(result, form);
  if (result.value.hidden > 0) {
    refreshAllTopics();
    refreshLearn();
  }
  back(form, '/moderation', 'suspended=1');
});

export const appealAction = keyed('moderation.appealAction', async function appealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = appealDecision(ctx.db, ctx.actor, pick(form, ['moderationId', 'sanctionId', 'text']), ctx.now);
  if (!result.ok) return refused(result, form);
  back(form, '/account', 'appealed=1');
});

export const decideAppealAction = keyed('moderation.decideAppealAction', async function decideAppealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = decideAppeal(ctx.db, ctx.actor, pick(form, ['appealId', 'outcome', 'note']), ctx.now);
  if (!result.ok) return refused(result, form);
  refreshAllTopics();
  refreshLearn();
  back(form, '/moderation/appeals', 'done=1');
});

export const addTermAction = keyed('moderation.addTermAction', async function addTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = addModerationTerm(ctx.db, ctx.actor, pick(form, ['term', 'language', 'communeId']));
  if (!result.ok) return refused(result, form);
  back(form, '/moderation/terms', 'added=1');
});

/** Plain form, one per term: the outcome travels in the URL. */
export const removeTermAction = keyed('moderation.removeTermAction', async function removeTermAction(formData: FormData): Promise<void> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = removeModerationTerm(ctx.db, ctx.actor, pick(form, ['termId']));
  redirect(localePath(form.locale, `/moderation/terms?${result.ok ? 'removed=1' : `error=${result.error}`}`));
});

/** A moderator writes what a recording says (issue 13 §4): shown under the player, searchable. */
export const transcriptAction = keyed('moderation.transcriptAction', async function transcriptAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = setTranscript(ctx, pick(form, ['mediaId', 'transcript']));
  if (!result.ok) return refused(result, form);
  refreshTopic(result.value.topicId);
  back(form, '/moderation', 'transcribed=1');
});

export const moderationSettingsAction = keyed('moderation.moderationSettingsAction', async function moderationSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = updateModerationRules(ctx.db, ctx.actor, pick(form, ['communeId', 'mode', 'newAccountCount', 'reportThreshold', 'voiceMode', 'voiceNewAccountCount']));
  if (!result.ok) return refused(result, form);
  back(form, '/moderation/settings', 'saved=1');
});
