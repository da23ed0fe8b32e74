import { getTranslations } from 'next-intl/server';
import { createCommentAction } from '@/app/actions/comments';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { AudioField } from '@/components/media/audio-field';
import { audioFieldLabels } from '@/components/media/audio-labels';
import { COMMENT_MAX } from '@/lib/comments/schemas';
import { STANCES } from '@/lib/comments/stances';
import { subjectPath, type CommentSubjectRef } from '@/lib/comments/subject';
import { isLocale, localePath } from '@/lib/i18n/config';
import { MAX_DURATION_S } from '@/lib/media/limits';
import { voiceIsOn } from '@/lib/media/pipeline';

/**
 * A new comment on a topic or a citizen project, or (parentId) a reply to one: written, spoken, or both
 * (issue 13 §2). The recorder is offered while voice is on (ffmpeg works); the text is optional with a recording.
 */
export async function CommentForm({
  subject,
  parentId,
  locale,
  legend,
  submit,
  formId,
}: {
  subject: CommentSubjectRef;
  parentId?: number;
  locale: string;
  legend: string;
  submit: string;
  formId: string;
}) {
  const t = await getTranslations('Comments');
  const tStance = await getTranslations('Stances');
  const tCommon = await getTranslations('Common');
  const voice = await voiceIsOn();
  return (
    <ActionForm
      action={createCommentAction}
      id={formId}
      fieldPrefix={formId}
      aria-label={legend}
      outbox={{ kind: 'comment', path: localePath(isLocale(locale) ? locale : 'fr', subjectPath(subject)), formId, summaryField: 'body' }}
    >
      <Hidden name="locale" value={locale} />
      <Hidden name={`${subject.kind}Id`} value={String(subject.id)} />
      {parentId ? <Hidden name="parentId" value={String(parentId)} /> : null}
      <RadioGroup name="stance" legend={t('stance')} options={STANCES.map((s) => ({ value: s, label: tStance(s) }))} />
      {voice ? <AudioField name="audio" labels={await audioFieldLabels(t('voice'), t('voiceHint'))} maxSeconds={MAX_DURATION_S} /> : null}
      <TextArea
        name="body"
        label={voice ? t('bodyWithVoice') : t('body')}
        hint={voice ? t('bodyWithVoiceHint') : t('bodyHint')}
        rows={parentId ? 3 : 5}
        maxLength={COMMENT_MAX}
        required={!voice}
        requiredMark={tCommon('required')}
      />
      <SubmitButton pendingLabel={tCommon('sending')}>{submit}</SubmitButton>
    </ActionForm>
  );
}
