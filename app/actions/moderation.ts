'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/state';
import { addModerationTerm } from '@/lib/moderation/add-term';
import { removeModerationTerm } from '@/lib/moderation/remove-term';
import { appealDecision, decideAppeal } from '@/lib/moderation/appeals';
import { moderateBulk, moderateContent } from '@/lib/moderation/moderate-content';
import { reportContent } from '@/lib/moderation/report-content';
import { suspendUser, warnUser } from '@/lib/moderation/sanctions';
import { updateModerationRules } from '@/lib/moderation/settings';
import { isLearnPath, refreshAllTopics, refreshLearn, refreshTopic, topicOfPath } from './cache';
import { failed, fields, pathFor, safeNext } from './helpers';
import { moderatable } from '@/lib/moderation/registry';

/** Hidden or restored content changes what anonymous readers see: refresh the cached topic (or lesson) page. */
function refreshContent(type: string, id: string) {
  const path = moderatable(type)?.load(getDb(), Number(id))?.path;
  if (isLearnPath(path)) refreshLearn();
  refreshTopic(topicOfPath(path));
}

/** Back to where the form was, with a status in the query (only our own paths). */
async function back(formData: FormData, fallback: string, query: string): Promise<never> {
  const base = safeNext(formData.get('next')) ?? (await pathFor(formData, fallback));
  const [path, hash] = base.split('#');
  redirect(`${path}${path!.includes('?') ? '&' : '?'}${query}${hash ? `#${hash}` : ''}`);
}

export async function reportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['contentType', 'contentId', 'reason', 'details']);
  const result = reportContent(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  if (result.value.autoHidden) refreshContent(input.contentType!, input.contentId!);
  return back(formData, '/', 'reported=1');
}

export async function moderateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['contentType', 'contentId', 'action', 'reason']);
  const result = moderateContent(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  refreshContent(input.contentType!, input.contentId!);
  return back(formData, '/moderation', 'done=1');
}

export async function bulkModerateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const items = formData.getAll('items').map(String);
  const result = moderateBulk(getDb(), await getActor(), { items, action: String(formData.get('action') ?? ''), reason: String(formData.get('reason') ?? '') });
  if (!result.ok) return failed(result, formData);
  for (const item of items) refreshContent(...(item.split(':') as [string, string]));
  return back(formData, '/moderation', `bulk=${result.value.done}-${result.value.skipped}`);
}

export async function warnAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = warnUser(getDb(), await getActor(), fields(formData, ['userId', 'reason', 'about']));
  if (!result.ok) return failed(result, formData);
  return back(formData, '/moderation', 'warned=1');
}

export async function suspendAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['userId', 'reason', 'days', 'about']);
  const result = suspendUser(getDb(), await getActor(), { ...input, hideContent: formData.get('hideContent') === 'on' ? 'on' : '' });
  if (!result.ok) return failed(result, formData);
  if (result.value.hidden > 0) refreshAllTopics();
  return back(formData, '/moderation', 'suspended=1');
}

export async function appealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = appealDecision(getDb(), await getActor(), fields(formData, ['moderationId', 'sanctionId', 'text']));
  if (!result.ok) return failed(result, formData);
  return back(formData, '/account', 'appealed=1');
}

export async function decideAppealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = decideAppeal(getDb(), await getActor(), fields(formData, ['appealId', 'outcome', 'note']));
  if (!result.ok) return failed(result, formData);
  refreshAllTopics();
  return back(formData, '/moderation/appeals', 'done=1');
}

export async function addTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = addModerationTerm(getDb(), await getActor(), fields(formData, ['term', 'language', 'communeId']));
  if (!result.ok) return failed(result, formData);
  return back(formData, '/moderation/terms', 'added=1');
}

/** Plain form, one per term: the outcome travels in the URL. */
export async function removeTermAction(formData: FormData): Promise<void> {
  const result = removeModerationTerm(getDb(), await getActor(), fields(formData, ['termId']));
  redirect(await pathFor(formData, `/moderation/terms?${result.ok ? 'removed=1' : `error=${result.error}`}`));
}

export async function moderationSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = updateModerationRules(getDb(), await getActor(), fields(formData, ['communeId', 'mode', 'newAccountCount', 'reportThreshold']));
  if (!result.ok) return failed(result, formData);
  return back(formData, '/moderation/settings', 'saved=1');
}
