'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { answerProject } from '@/lib/projects/answer-project';
import { postProgressUpdate } from '@/lib/projects/post-update';
import { respondToInvitation } from '@/lib/projects/respond-invitation';
import { saveProject } from '@/lib/projects/save-project';
import { updateProjectSettings } from '@/lib/projects/settings';
import { submitProject } from '@/lib/projects/submit-project';
import { supportProject } from '@/lib/projects/support-project';
import { withdrawProject } from '@/lib/projects/withdraw-project';
import { recordProjectVoice, removeProjectVoice } from '@/lib/projects/voice-description';
import { defaultMediaDir } from '@/lib/media/config';
import { currentLocale, failed, fields, keyed } from './helpers';

/**
 * The project forms (lib/projects). Each action reads its form once (the fields of its use case and the
 * page's language), runs the use case with the request's actor, and redirects to the page the result
 * names; a failed form gets its state back with what was typed.
 */

const PROJECT_FIELDS = ['projectId', 'communeId', 'title', 'problem', 'solution', 'sector', 'location', 'estimatedCost', 'onBehalfOf', 'coProposers'] as const;

const projectPath = (id: number | string, query: string, anchor = '') => `/projects/${encodeURIComponent(String(id))}?${query}${anchor ? `#${anchor}` : ''}`;

/** The message key of a refused plain form, for ?error= (the page translates it). */
const errorKey = (r: { error: string; reason?: string }) => (r.error === 'rejected' ? r.reason : r.error === 'rate_limited' ? 'capReachedLater' : r.error);

export const saveProjectAction = keyed('projects.saveProjectAction', async function saveProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  // Which button was pressed: "save the draft" or "submit". Checkboxes send one value each.
  const intent = formData.get('intent') === 'submit' ? 'submit' : 'draft';
  const input = { ...fields(formData, PROJECT_FIELDS), intent, beneficiaries: formData.getAll('beneficiaries').map(String).join(',') };
  const { db, actor } = await requestContext();
  const result = saveProject(db, actor, input);
  if (!result.ok) {
    const state = await failed(result, formData);
    // A form sends one entry per ticked box: keep them all, so every box stays ticked.
    return { ...state, values: { ...state.values, beneficiaries: input.beneficiaries } };
  }
  const { projectId, status, held } = result.value;
  const outcome = held ? 'held=1' : status === 'draft' ? 'saved=1' : intent === 'submit' ? 'submitted=1' : 'edited=1';
  redirect(localePath(locale, projectPath(projectId, outcome)));
});

export const answerProjectAction = keyed('projects.answerProjectAction', async function answerProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = answerProject(db, actor, fields(formData, ['projectId', 'status', 'answer']));
  if (!result.ok) return failed(result, formData);
  redirect(localePath(locale, projectPath(result.value.projectId, 'answered=1', 'answer')));
});

export const postProgressAction = keyed('projects.postProgressAction', async function postProgressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = postProgressUpdate(db, actor, fields(formData, ['projectId', 'body', 'percent', 'happenedOn', 'amountSpent']));
  if (!result.ok) return failed(result, formData);
  redirect(localePath(locale, projectPath(result.value.projectId, 'progress=1', 'progress')));
});

export const projectSettingsAction = keyed('projects.projectSettingsAction', async function projectSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = updateProjectSettings(db, actor, fields(formData, ['communeId', 'supportThreshold', 'collectionDays']));
  if (!result.ok) return failed(result, formData);
  redirect(localePath(locale, `/admin?projectSettings=${result.value.communeId}#project-settings`));
});

/** Plain forms (buttons): the outcome travels in the URL, back to the project the form was on. */
export const supportProjectAction = keyed('projects.supportProjectAction', async function supportProjectAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const input = fields(formData, ['projectId', 'intent']);
  const { db, actor } = await requestContext();
  const result = supportProject(db, actor, input);
  const outcome = result.ok ? (result.value.supported ? 'supported=1' : 'unsupported=1') : `error=${errorKey(result)}`;
  redirect(localePath(locale, projectPath(result.ok ? result.value.projectId : input.projectId!, outcome, 'supports')));
});

export const submitProjectAction = keyed('projects.submitProjectAction', async function submitProjectAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const input = fields(formData, ['projectId']);
  const { db, actor } = await requestContext();
  const result = submitProject(db, actor, input);
  const outcome = result.ok ? (result.value.held ? 'held=1' : 'submitted=1') : `error=${errorKey(result)}`;
  redirect(localePath(locale, projectPath(result.ok ? result.value.projectId : input.projectId!, outcome)));
});

export const withdrawProjectAction = keyed('projects.withdrawProjectAction', async function withdrawProjectAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const input = fields(formData, ['projectId']);
  const { db, actor } = await requestContext();
  const result = withdrawProject(db, actor, input);
  redirect(localePath(locale, projectPath(result.ok ? result.value.projectId : input.projectId!, result.ok ? 'withdrawn=1' : `error=${result.error}`)));
});

export const respondInvitationAction = keyed('projects.respondInvitationAction', async function respondInvitationAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = respondToInvitation(db, actor, fields(formData, ['projectId', 'response']));
  const outcome = result.ok ? (result.value.accepted ? 'invitation=accepted' : 'invitation=declined') : `error=${result.error}`;
  redirect(localePath(locale, `/projects?${outcome}#invitations`));
});

/** A project's voice description (issue 13 §2), recorded in the browser or with the phone's own recorder. */
export const recordProjectVoiceAction = keyed('projects.recordProjectVoiceAction', async function recordProjectVoiceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor, now } = await requestContext();
  const result = await recordProjectVoice({ db, actor, now }, { ...fields(formData, ['projectId']), file: formData.get('audio') }, { mediaDir: defaultMediaDir() });
  if (!result.ok) {
    formData.set('audio', '');
    return failed(result, formData);
  }
  redirect(localePath(locale, projectPath(result.value.projectId, result.value.held ? 'voiceHeld=1' : 'voiceRecorded=1', 'voice')));
});

export const removeProjectVoiceAction = keyed('projects.removeProjectVoiceAction', async function removeProjectVoiceAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const input = fields(formData, ['projectId']);
  const { db, actor, now } = await requestContext();
  const result = removeProjectVoice({ db, actor, now }, input, defaultMediaDir());
  redirect(localePath(locale, projectPath(input.projectId!, result.ok ? 'voiceRemoved=1' : `error=${result.error}`, 'voice')));
});
