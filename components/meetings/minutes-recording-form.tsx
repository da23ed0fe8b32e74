import { getTranslations } from 'next-intl/server';
import { recordMinutesAction } from '@/app/actions/meetings';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { AudioField } from '@/components/media/audio-field';
import { audioFieldLabels } from '@/components/media/audio-labels';
import { MAX_DURATION_S } from '@/lib/media/limits';
import { voiceIsOn } from '@/lib/media/pipeline';

/** Read the minutes aloud (issue 13 §5): for the many who listen rather than read. A new recording replaces the old. */
export async function MinutesRecordingForm({ locale, meetingId }: { locale: string; meetingId: number }) {
  if (!(await voiceIsOn())) return null;
  const t = await getTranslations('Voice');
  const tc = await getTranslations('Common');
  return (
    <section aria-labelledby="minutes-recording-title" className="mt-8 rounded border border-stone-300 bg-white p-3">
      <h2 id="minutes-recording-title" className="mb-2 text-xl font-bold">{t('minutesRecordingTitle')}</h2>
      <ActionForm action={recordMinutesAction} id="minutes-recording-form" fieldPrefix="mr">
        <Hidden name="locale" value={locale} />
        <Hidden name="meetingId" value={String(meetingId)} />
        <AudioField name="audio" labels={await audioFieldLabels(t('minutesRecording'), t('minutesRecordingHint'))} maxSeconds={MAX_DURATION_S} required />
        <SubmitButton pendingLabel={tc('sending')}>{t('minutesRecordingSave')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
