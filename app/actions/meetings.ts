'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/state';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { publishMinutes } from '@/lib/meetings/publish-minutes';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { ATTENDANCE_CELLS } from '@/lib/meetings/schemas';
import { updateMeeting } from '@/lib/meetings/update-meeting';
import { refreshTopic } from './cache';
import { failed, fields, pathFor } from './helpers';

const MEETING_FIELDS = ['title', 'startsAt', 'place', 'agenda', 'topicId', 'projectId'] as const;

const meetingPath = (formData: FormData, id: number | string, query: string, anchor = '') =>
  pathFor(formData, `/meetings/${encodeURIComponent(String(id))}?${query}${anchor ? `#${anchor}` : ''}`);

export async function scheduleMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = scheduleMeeting(getDb(), await getActor(), fields(formData, ['spaceId', ...MEETING_FIELDS]));
  if (!result.ok) return failed(result, formData);
  // The topic's page lists its meetings, and anonymous readers get it from the cache.
  refreshTopic(result.value.topicId);
  redirect(await meetingPath(formData, result.value.meetingId, 'scheduled=1'));
}

export async function updateMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = updateMeeting(getDb(), await getActor(), fields(formData, ['meetingId', ...MEETING_FIELDS]));
  if (!result.ok) return failed(result, formData);
  for (const id of result.value.topicIds) refreshTopic(id);
  redirect(await meetingPath(formData, result.value.meetingId, 'updated=1'));
}

/** Plain forms (buttons): the outcome travels in the URL. */
export async function cancelMeetingAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['meetingId']);
  const result = cancelMeeting(getDb(), await getActor(), input);
  if (result.ok) refreshTopic(result.value.topicId);
  redirect(await meetingPath(formData, input.meetingId ?? '', result.ok ? 'cancelled=1' : `error=${result.error}`));
}

export async function registerForMeetingAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['meetingId', 'intent']);
  const result = registerForMeeting(getDb(), await getActor(), input);
  const outcome = result.ok ? (result.value.registered ? 'registered=1' : 'unregistered=1') : `error=${result.error}`;
  redirect(await meetingPath(formData, input.meetingId ?? '', outcome, 'registration'));
}

export async function publishMinutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = publishMinutes(getDb(), await getActor(), fields(formData, ['meetingId', 'minutes', ...ATTENDANCE_CELLS.map((c) => c.field)]));
  if (!result.ok) return failed(result, formData);
  refreshTopic(result.value.topicId);
  redirect(await meetingPath(formData, result.value.meetingId, 'minutes=1', 'minutes'));
}
