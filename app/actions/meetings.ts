'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { publishMinutes } from '@/lib/meetings/publish-minutes';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { ATTENDANCE_CELLS } from '@/lib/meetings/schemas';
import { updateMeeting } from '@/lib/meetings/update-meeting';
import { recordMinutes } from '@/lib/meetings/minutes-recording';
import { defaultMediaDir } from '@/lib/media/config';
import { refreshTopic } from './cache';
import { currentLocale, failed, fields, keyed } from './helpers';

/**
 * The meeting forms (lib/meetings). Each action reads its form once, runs the use case, refreshes the
 * cached topic pages the result names (a topic's page lists its meetings, and anonymous readers get it
 * from the cache), and redirects to the meeting.
 */

const MEETING_FIELDS = ['title', 'startsAt', 'place', 'agenda', 'topicId', 'projectId'] as const;

const meetingPath = (id: number | string, query: string, anchor = '') => `/meetings/${encodeURIComponent(String(id))}?${query}${anchor ? `#${anchor}` : ''}`;

export const scheduleMeetingAction = keyed('meetings.scheduleMeetingAction', async function scheduleMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = scheduleMeeting(db, actor, fields(formData, ['spaceId', ...MEETING_FIELDS]));
  if (!result.ok) return failed(result, formData);
  refreshTopic(result.value.topicId);
  redirect(localePath(locale, meetingPath(result.value.meetingId, 'scheduled=1')));
});

export const updateMeetingAction = keyed('meetings.updateMeetingAction', async function updateMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = updateMeeting(db, actor, fields(formData, ['meetingId', ...MEETING_FIELDS]));
  if (!result.ok) return failed(result, formData);
  for (const id of result.value.topicIds) refreshTopic(id);
  redirect(localePath(locale, meetingPath(result.value.meetingId, 'updated=1')));
});

/** Plain forms (buttons): the outcome travels in the URL. */
export const cancelMeetingAction = keyed('meetings.cancelMeetingAction', async function cancelMeetingAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const input = fields(formData, ['meetingId']);
  const { db, actor } = await requestContext();
  const result = cancelMeeting(db, actor, input);
  if (result.ok) refreshTopic(result.value.topicId);
  redirect(localePath(locale, meetingPath(result.ok ? result.value.meetingId : input.meetingId!, result.ok ? 'cancelled=1' : `error=${result.error}`)));
});

export const registerForMeetingAction = keyed('meetings.registerForMeetingAction', async function registerForMeetingAction(formData: FormData): Promise<void> {
  const locale = await currentLocale(formData);
  const input = fields(formData, ['meetingId', 'intent']);
  const { db, actor } = await requestContext();
  const result = registerForMeeting(db, actor, input);
  const outcome = result.ok ? (result.value.registered ? 'registered=1' : 'unregistered=1') : `error=${result.error}`;
  redirect(localePath(locale, meetingPath(result.ok ? result.value.meetingId : input.meetingId!, outcome, 'registration')));
});

export const publishMinutesAction = keyed('meetings.publishMinutesAction', async function publishMinutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = publishMinutes(db, actor, fields(formData, ['meetingId', 'minutes', ...ATTENDANCE_CELLS.map((c) => c.field)]));
  if (!result.ok) return failed(result, formData);
  refreshTopic(result.value.topicId);
  redirect(localePath(locale, meetingPath(result.value.meetingId, 'minutes=1', 'minutes')));
});

/** The minutes read aloud (issue 13 §5): a recording beside the written minutes. */
export const recordMinutesAction = keyed('meetings.recordMinutesAction', async function recordMinutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor, now } = await requestContext();
  const result = await recordMinutes({ db, actor, now }, { ...fields(formData, ['meetingId']), file: formData.get('audio') }, { mediaDir: defaultMediaDir() });
  if (!result.ok) {
    formData.set('audio', '');
    return failed(result, formData);
  }
  redirect(localePath(locale, meetingPath(result.value.meetingId, 'minutesRecorded=1', 'minutes')));
});
