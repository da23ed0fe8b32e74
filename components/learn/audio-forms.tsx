import { getTranslations } from 'next-intl/server';
import { addChoiceAudioAction, addNarrationAction } from '@/app/actions/learn';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField } from '@/components/forms/fields';
import { AudioField } from '@/components/media/audio-field';
import { audioFieldLabels } from '@/components/media/audio-labels';
import type { Locale } from '@/lib/i18n/config';
import { PREFERRED_LANGUAGES } from '@/lib/learn/schemas';
import { MAX_DURATION_S } from '@/lib/media/limits';

/** Record (or upload) a lesson's narration in one language; a new one replaces that language's. */
export async function NarrationForm({ locale, lessonId, defaultLanguage }: { locale: Locale; lessonId: number; defaultLanguage: string }) {
  const t = await getTranslations('LearnAuthor');
  const tl = await getTranslations('Languages');
  const tc = await getTranslations('Common');
  return (
    <ActionForm action={addNarrationAction} id="narration-form" fieldPrefix="nar">
      <Hidden name="locale" value={locale} />
      <Hidden name="lessonId" value={String(lessonId)} />
      <SelectField name="language" label={t('narrationLanguage')} options={PREFERRED_LANGUAGES.map((l) => ({ value: l, label: tl(l) }))} defaultValue={defaultLanguage} />
      <AudioField name="audio" labels={await audioFieldLabels(t('narration'), t('narrationHint'))} maxSeconds={MAX_DURATION_S} />
      <SubmitButton pendingLabel={tc('sending')}>{t('saveNarration')}</SubmitButton>
    </ActionForm>
  );
}

/** Record (or upload) one quiz choice read aloud. */
export async function ChoiceAudioForm({ locale, lessonId, question, choice, label }: { locale: Locale; lessonId: number; question: number; choice: number; label: string }) {
  const t = await getTranslations('LearnAuthor');
  const tc = await getTranslations('Common');
  return (
    <ActionForm action={addChoiceAudioAction} id={`choice-audio-${question}-${choice}`} fieldPrefix={`c${question}-${choice}`}>
      <Hidden name="locale" value={locale} />
      <Hidden name="lessonId" value={String(lessonId)} />
      <Hidden name="question" value={String(question)} />
      <Hidden name="choice" value={String(choice)} />
      <AudioField name="audio" labels={await audioFieldLabels(label, undefined, 30)} maxSeconds={30} />
      <SubmitButton pendingLabel={tc('sending')}>{t('saveChoiceAudio')}</SubmitButton>
    </ActionForm>
  );
}
