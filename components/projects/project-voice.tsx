import { getTranslations } from 'next-intl/server';
import { recordProjectVoiceAction, removeProjectVoiceAction } from '@/app/actions/projects';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { AudioField } from '@/components/media/audio-field';
import { audioFieldLabels } from '@/components/media/audio-labels';
import { AudioPlayer, recordingUrl } from '@/components/media/audio-player';
import { MAX_DURATION_S } from '@/lib/media/limits';
import { voiceIsOn } from '@/lib/media/pipeline';
import type { ProjectPageView } from '@/lib/projects/project-page';
import { PostForm } from '@/components/forms/post-form';

/** A project described by voice (issue 13 §2): the player, and for its authors the recorder. */
export async function ProjectVoice({ projectId, voice, locale }: { projectId: number; voice: ProjectPageView['voice']; locale: string }) {
  const mayRecord = voice.mayRecord && (await voiceIsOn());
  if (!voice.recording && !mayRecord) return null;
  const t = await getTranslations('Voice');
  const tc = await getTranslations('Common');
  const r = voice.recording;
  return (
    <section aria-labelledby="voice-title" id="voice">
      <h2 id="voice-title" className="mb-1 text-xl font-bold">{t('projectVoice')}</h2>
      {r ? (
        <>
          <AudioPlayer id="project-voice" src={recordingUrl(r.id)} durationMs={r.durationMs} label={t('projectVoiceListen')} transcript={r.transcript ? { label: t('transcript'), text: r.transcript } : null} />
          {r.held ? <p className="text-sm font-semibold text-amber-900">{t('projectVoiceHeld')}</p> : null}
        </>
      ) : null}
      {mayRecord ? (
        <details className="mt-2" open={!r}>
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-teal-900">{r ? t('projectVoiceReplace') : t('projectVoiceAdd')}</summary>
          <ActionForm action={recordProjectVoiceAction} id="project-voice-form" fieldPrefix="pv">
            <Hidden name="locale" value={locale} />
            <Hidden name="projectId" value={String(projectId)} />
            <AudioField name="audio" labels={await audioFieldLabels(t('projectVoiceRecording'), t('projectVoiceHint'))} maxSeconds={MAX_DURATION_S} required />
            <SubmitButton pendingLabel={tc('sending')}>{t('projectVoiceSave')}</SubmitButton>
          </ActionForm>
          {r ? (
            <PostForm action={removeProjectVoiceAction} className="mt-2">
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="projectId" value={projectId} />
              <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">{t('projectVoiceRemove')}</button>
            </PostForm>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
