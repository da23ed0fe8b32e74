import { getTranslations } from 'next-intl/server';
import { transcriptAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextArea } from '@/components/forms/fields';
import { AudioPlayer, recordingUrl } from '@/components/media/audio-player';
import { TRANSCRIPT_MAX } from '@/lib/media/transcript';

/**
 * A recording in the moderation queue (issue 13 §4): heard at 1× or 1.5× (with JavaScript; a plain player
 * without), and the transcript the moderator writes while listening, shown under the public player.
 */
export async function QueueRecording({
  locale,
  recording,
  mayTranscribe,
  next,
}: {
  locale: string;
  recording: { id: number; durationMs: number; transcript: string | null };
  mayTranscribe: boolean;
  next: string;
}) {
  const t = await getTranslations('Voice');
  const tc = await getTranslations('Common');
  const key = `transcript-${recording.id}`;
  return (
    <div className="my-2 rounded border border-stone-300 p-2">
      <AudioPlayer
        id={`queue-voice-${recording.id}`}
        src={recordingUrl(recording.id)}
        durationMs={recording.durationMs}
        label={t('listen')}
        rates={{ label: t('speed'), normal: t('speedNormal'), faster: t('speedFaster') }}
        transcript={!mayTranscribe && recording.transcript ? { label: t('transcript'), text: recording.transcript } : null}
      />
      {mayTranscribe ? (
        <ActionForm action={transcriptAction} id={key} fieldPrefix={key}>
          <Hidden name="locale" value={locale} />
          <Hidden name="mediaId" value={String(recording.id)} />
          <Hidden name="next" value={next} />
          <TextArea name="transcript" label={t('transcript')} hint={t('transcriptHint')} rows={3} maxLength={TRANSCRIPT_MAX} defaultValue={recording.transcript ?? ''} />
          <SubmitButton pendingLabel={tc('saving')} className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">
            {t('saveTranscript')}
          </SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}
