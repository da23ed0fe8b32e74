'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { ASSISTED_KINDS, type AssistedKind } from '@/lib/assisted/kinds';
import { contributeForParticipant } from '@/lib/assisted/contribute';
import { PAYLOAD_FIELDS } from '@/lib/assisted/schemas';
import { withdrawAssisted } from '@/lib/assisted/withdraw';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { registerParticipant } from '@/lib/participants/register-participant';
import { resetParticipantPin } from '@/lib/participants/reset-pin';
import type { ParticipantSlip } from '@/lib/participants/slip';
import { refreshTopic } from './cache';
import { keyed, pick, readForm, refused, type SubmittedForm } from './helpers';

const REGISTER_FIELDS = ['spaceId', 'displayName', 'communeId', 'gender', 'birthYear', 'language', 'consent', 'consentDate', 'keepSlip'] as const;

/** The slip goes back to this page only, in the action's answer: never into a URL or a cookie. */
async function slipState(form: SubmittedForm, slip: ParticipantSlip, messageKey: 'registered' | 'pinReset'): Promise<FormState> {
  const t = await getTranslations({ locale: form.locale, namespace: 'Facilitator' });
  const { userId, ...shown } = slip;
  return {
    status: 'success',
    values: {},
    fieldErrors: {},
    message: t(messageKey, { name: slip.displayName }),
    output: { ...shown, userId: String(userId) },
  };
}

export const registerParticipantAction = keyed('facilitator.registerParticipantAction', async function registerParticipantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = await registerParticipant(ctx.db, ctx.actor, pick(form, REGISTER_FIELDS));
  if (!result.ok) return refused(result, form);
  return slipState(form, result.value, 'registered');
});

export const resetPinAction = keyed('facilitator.resetPinAction', async function resetPinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const ctx = await requestContext();
  const result = await resetParticipantPin(ctx.db, ctx.actor, pick(form, ['participantId', 'present', 'keepSlip']));
  if (!result.ok) return refused(result, form);
  return slipState(form, result.value, 'pinReset');
});

/**
 * A contribution's fields, as the use case takes them: those of its kind that were sent, and a project's
 * ticked beneficiaries (a repeated field) joined with commas.
 */
function assistInput(form: SubmittedForm, beneficiaries: string[]): Record<string, string> {
  const kind = form.values.kind ?? '';
  const known = (ASSISTED_KINDS as readonly string[]).includes(kind) ? (kind as AssistedKind) : null;
  const names = ['spaceId', 'participant', 'participantPassword', 'consent', 'kind', ...(known ? PAYLOAD_FIELDS[known] : [])];
  const input = Object.fromEntries(names.filter((n) => n in form.values).map((n) => [n, form.values[n]!]));
  if (known === 'project') input.beneficiaries = beneficiaries.filter(Boolean).join(',');
  return input;
}

/** A contribution entered for a participant, of the kind the form says. */
export const assistAction = keyed('facilitator.assistAction', async function assistAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const form = await readForm(formData);
  const input = assistInput(form, formData.getAll('beneficiaries').map(String));
  const ctx = await requestContext();
  const result = await contributeForParticipant(ctx.db, ctx.actor, input, ctx.now);
  if (!result.ok) {
    const state = await refused(result, form);
    return 'beneficiaries' in input ? { ...state, values: { ...state.values, beneficiaries: input.beneficiaries! } } : state;
  }
  const v = result.value;
  refreshTopic(v.topicId);
  const t = await getTranslations({ locale: form.locale, namespace: 'Facilitator' });
  return {
    status: 'success',
    values: {},
    fieldErrors: {},
    message: `${t(`done_${v.kind}`, { name: v.participantName })}${v.held ? ` ${t('doneHeld')}` : ''}`,
  };
});

/** Plain form on /account/assisted: the outcome travels in the URL. */
export const withdrawAssistedAction = keyed('facilitator.withdrawAssistedAction', async function withdrawAssistedAction(formData: FormData): Promise<void> {
  const form = await readForm(formData);
  const input = pick(form, ['assistedId']);
  const ctx = await requestContext();
  const result = withdrawAssisted(ctx.db, ctx.actor, input, ctx.now);
  if (result.ok) refreshTopic(result.value.topicId);
  const outcome = result.ok ? 'withdrawn=1' : `error=${result.error === 'rejected' ? result.reason : result.error}`;
  redirect(localePath(form.locale, `/account/assisted?${outcome}#assisted-${encodeURIComponent(input.assistedId!)}`));
});
