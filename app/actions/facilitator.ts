'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { PAYLOAD_FIELDS } from '@/lib/assisted/schemas';
import { contributeForParticipant } from '@/lib/assisted/contribute';
import { withdrawAssisted } from '@/lib/assisted/withdraw';
import { getActor } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/state';
import { registerParticipant } from '@/lib/participants/register-participant';
import { resetParticipantPin } from '@/lib/participants/reset-pin';
import type { ParticipantSlip } from '@/lib/participants/slip';
import { ASSISTED_KINDS, type AssistedKind } from '@/db/schema';
import { refreshTopic } from './cache';
import { currentLocale, failed, fields, pathFor } from './helpers';

const REGISTER_FIELDS = ['spaceId', 'displayName', 'communeId', 'gender', 'birthYear', 'language', 'consent', 'consentDate', 'keepSlip'] as const;

/** The slip goes back to this page only, in the action's answer: never into a URL or a cookie. */
async function slipState(formData: FormData, slip: ParticipantSlip, messageKey: 'registered' | 'pinReset'): Promise<FormState> {
  const t = await getTranslations({ locale: await currentLocale(formData), namespace: 'Facilitator' });
  const { userId, ...shown } = slip;
  return {
    status: 'success',
    values: {},
    fieldErrors: {},
    message: t(messageKey, { name: slip.displayName }),
    output: { ...shown, userId: String(userId) },
  };
}

export async function registerParticipantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, REGISTER_FIELDS);
  const result = await registerParticipant(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  return slipState(formData, result.value, 'registered');
}

export async function resetPinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['participantId', 'present', 'keepSlip']);
  const result = await resetParticipantPin(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  return slipState(formData, result.value, 'pinReset');
}

/** A contribution entered for a participant, of the kind the form says. */
export async function assistAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const kind = String(formData.get('kind') ?? '');
  const known = (ASSISTED_KINDS as readonly string[]).includes(kind) ? (kind as AssistedKind) : null;
  const names = ['spaceId', 'participant', 'participantPassword', 'consent', 'kind', ...(known ? PAYLOAD_FIELDS[known] : [])];
  const input: Record<string, string> = Object.fromEntries(Object.entries(fields(formData, names)).filter(([k]) => formData.has(k)));
  // Checkboxes send one entry per ticked box (a project's beneficiaries).
  if (known === 'project') input.beneficiaries = formData.getAll('beneficiaries').map(String).filter(Boolean).join(',');
  const result = await contributeForParticipant(getDb(), await getActor(), input);
  if (!result.ok) {
    const state = await failed(result, formData);
    return known === 'project' ? { ...state, values: { ...state.values, beneficiaries: input.beneficiaries ?? '' } } : state;
  }
  const v = result.value;
  refreshTopic(v.topicId);
  const t = await getTranslations({ locale: await currentLocale(formData), namespace: 'Facilitator' });
  return {
    status: 'success',
    values: {},
    fieldErrors: {},
    message: `${t(`done_${v.kind}` as 'done_comment', { name: v.participantName })}${v.held ? ` ${t('doneHeld')}` : ''}`,
  };
}

/** Plain form on /account/assisted: the outcome travels in the URL. */
export async function withdrawAssistedAction(formData: FormData): Promise<void> {
  const result = withdrawAssisted(getDb(), await getActor(), fields(formData, ['assistedId']));
  if (result.ok) refreshTopic(result.value.topicId);
  const outcome = result.ok ? 'withdrawn=1' : `error=${result.error === 'rejected' ? result.reason : result.error}`;
  redirect(await pathFor(formData, `/account/assisted?${outcome}#assisted-${encodeURIComponent(String(formData.get('assistedId') ?? ''))}`));
}
