'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/state';
import { answerProject } from '@/lib/projects/answer-project';
import { postProgressUpdate } from '@/lib/projects/post-update';
import { respondToInvitation } from '@/lib/projects/respond-invitation';
import { saveProject } from '@/lib/projects/save-project';
import { updateProjectSettings } from '@/lib/projects/settings';
import { submitProject } from '@/lib/projects/submit-project';
import { supportProject } from '@/lib/projects/support-project';
import { withdrawProject } from '@/lib/projects/withdraw-project';
import { failed, fields, pathFor } from './helpers';

const PROJECT_FIELDS = ['projectId', 'communeId', 'title', 'problem', 'solution', 'sector', 'location', 'estimatedCost', 'onBehalfOf', 'coProposers'] as const;

const projectPath = (formData: FormData, id: number | string, query: string, anchor = '') =>
  pathFor(formData, `/projects/${encodeURIComponent(String(id))}?${query}${anchor ? `#${anchor}` : ''}`);

export async function saveProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Which button was pressed: "save the draft" or "submit". Checkboxes send one value each.
  const intent = formData.get('intent') === 'submit' ? 'submit' : 'draft';
  const input = {
    ...fields(formData, PROJECT_FIELDS),
    intent,
    beneficiaries: formData.getAll('beneficiaries').map(String).join(','),
  };
  const result = saveProject(getDb(), await getActor(), input);
  if (!result.ok) {
    const state = await failed(result, formData);
    // A form sends one entry per ticked box: keep them all, so every box stays ticked.
    return { ...state, values: { ...state.values, beneficiaries: input.beneficiaries } };
  }
  const { projectId, status, held } = result.value;
  const outcome = held ? 'held=1' : status === 'draft' ? 'saved=1' : intent === 'submit' ? 'submitted=1' : 'edited=1';
  redirect(await projectPath(formData, projectId, outcome));
}

export async function answerProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['projectId', 'status', 'answer']);
  const result = answerProject(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  redirect(await projectPath(formData, result.value.projectId, 'answered=1', 'answer'));
}

export async function postProgressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['projectId', 'body', 'percent', 'happenedOn', 'amountSpent']);
  const result = postProgressUpdate(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  redirect(await projectPath(formData, input.projectId ?? '', 'progress=1', 'progress'));
}

export async function projectSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = updateProjectSettings(getDb(), await getActor(), fields(formData, ['communeId', 'supportThreshold', 'collectionDays']));
  if (!result.ok) return failed(result, formData);
  redirect(await pathFor(formData, `/admin?projectSettings=${result.value.communeId}#project-settings`));
}

/** Plain forms (buttons): the outcome travels in the URL. */
export async function supportProjectAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['projectId', 'intent']);
  const result = supportProject(getDb(), await getActor(), input);
  const error = result.ok ? '' : result.error === 'rejected' ? result.reason : result.error === 'rate_limited' ? 'capReachedLater' : result.error;
  const outcome = result.ok ? (input.intent === 'remove' ? 'unsupported=1' : 'supported=1') : `error=${error}`;
  redirect(await projectPath(formData, input.projectId ?? '', outcome, 'supports'));
}

export async function submitProjectAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['projectId']);
  const result = submitProject(getDb(), await getActor(), input);
  const outcome = result.ok ? (result.value.held ? 'held=1' : 'submitted=1') : `error=${result.error === 'rejected' ? result.reason : result.error}`;
  redirect(await projectPath(formData, input.projectId ?? '', outcome));
}

export async function withdrawProjectAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['projectId']);
  const result = withdrawProject(getDb(), await getActor(), input);
  redirect(await projectPath(formData, input.projectId ?? '', result.ok ? 'withdrawn=1' : `error=${result.error}`));
}

export async function respondInvitationAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['projectId', 'response']);
  const result = respondToInvitation(getDb(), await getActor(), input);
  const outcome = result.ok ? (result.value.accepted ? 'invitation=accepted' : 'invitation=declined') : `error=${result.error}`;
  redirect(await pathFor(formData, `/projects?${outcome}#invitations`));
}
