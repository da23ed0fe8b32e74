import { getTranslations } from 'next-intl/server';
import { createCommentAction } from '@/app/actions/comments';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { COMMENT_MAX } from '@/lib/comments/schemas';
import { STANCES } from '@/lib/comments/stances';
import { subjectPath, type CommentSubjectRef } from '@/lib/comments/subject';
import { isLocale, localePath } from '@/lib/i18n/config';

/** A new comment on a topic or a citizen project, or (parentId) a reply to one. */
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
      <TextArea name="body" label={t('body')} hint={t('bodyHint')} rows={parentId ? 3 : 5} maxLength={COMMENT_MAX} required requiredMark={tCommon('required')} />
      <SubmitButton pendingLabel={tCommon('sending')}>{submit}</SubmitButton>
    </ActionForm>
  );
}
