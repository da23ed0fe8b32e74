import { getTranslations } from 'next-intl/server';
import { scheduleMeetingAction, updateMeetingAction } from '@/app/actions/meetings';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import type { LinkableSubjects, MeetingFormSpace, MeetingFormValues } from '@/lib/meetings/views';

/** "2027-03-10T10:00:00.000Z" → "2027-03-10T10:00", what a datetime-local field shows (Mali is UTC+0). */
const forInput = (iso: string) => iso.slice(0, 16);

/** Schedule a meeting at a space, or change one. Its topic or project: one of the space's commune, or none. */
export async function MeetingForm({
  locale,
  space,
  meeting,
  subjects,
  defaults = {},
}: {
  locale: string;
  space: MeetingFormSpace;
  meeting?: MeetingFormValues;
  subjects: LinkableSubjects;
  defaults?: { topicId?: number; projectId?: number };
}) {
  const t = await getTranslations('MeetingForm');
  const tc = await getTranslations('Common');
  const req = { required: true, requiredMark: tc('required') };
  const none = { value: '', label: t('noSubject') };
  const topicId = meeting?.topicId ?? defaults.topicId;
  const projectId = meeting?.projectId ?? defaults.projectId;
  return (
    <ActionForm action={meeting ? updateMeetingAction : scheduleMeetingAction} id="meeting-form">
      <Hidden name="locale" value={locale} />
      {meeting ? <Hidden name="meetingId" value={String(meeting.id)} /> : <Hidden name="spaceId" value={String(space.id)} />}
      <TextField name="title" label={t('title')} hint={t('titleHint')} {...req} maxLength={140} defaultValue={meeting?.title} />
      <TextField name="startsAt" type="datetime-local" label={t('startsAt')} hint={t('startsAtHint')} {...req} defaultValue={meeting ? forInput(meeting.startsAt) : undefined} />
      <TextField name="place" label={t('place')} hint={t('placeHint')} {...req} maxLength={200} defaultValue={meeting?.place ?? [space.name, space.address].filter(Boolean).join(', ')} />
      <TextArea name="agenda" label={t('agenda')} hint={t('agendaHint')} {...req} rows={6} maxLength={10_000} defaultValue={meeting?.agenda} />
      <SelectField
        name="topicId"
        label={t('topic')}
        hint={t('subjectHint')}
        defaultValue={topicId ? String(topicId) : ''}
        options={[none, ...subjects.topics.map((s) => ({ value: String(s.id), label: s.title }))]}
      />
      <SelectField
        name="projectId"
        label={t('project')}
        defaultValue={projectId ? String(projectId) : ''}
        options={[none, ...subjects.projects.map((s) => ({ value: String(s.id), label: s.title }))]}
      />
      <SubmitButton pendingLabel={tc('sending')}>{meeting ? t('save') : t('schedule')}</SubmitButton>
    </ActionForm>
  );
}
