import { getTranslations } from 'next-intl/server';
import { createCommentAction } from '@/app/actions/participation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { STANCES } from '@/db/schema';
import { COMMENT_MAX } from '@/lib/comments/schemas';

/** What a comment is on: a topic or a citizen project (the same comments, the same rules). */
export type CommentSubjectProp = { kind: 'topic' | 'project'; id: number };

export async function CommentForm({
  subject,
  parentId,
  locale,
  legend,
  submit,
  formId,
}: {
  subject: CommentSubjectProp;
  parentId?: number;
  locale: string;
  legend: string;
  submit: string;
  formId: string;
}) {
  const t = await getTranslations('Comments');
  const ts = await getTranslations('Stances');
  const tc = await getTranslations('Common');
  return (
    <ActionForm action={createCommentAction} id={formId} fieldPrefix={formId} aria-label={legend}>
      <Hidden name="locale" value={locale} />
      <Hidden name={`${subject.kind}Id`} value={String(subject.id)} />
      {parentId ? <Hidden name="parentId" value={String(parentId)} /> : null}
      <RadioGroup name="stance" legend={t('stance')} options={STANCES.map((s) => ({ value: s, label: ts(s) }))} />
      <TextArea name="body" label={t('body')} hint={t('bodyHint')} rows={parentId ? 3 : 5} maxLength={COMMENT_MAX} required requiredMark={tc('required')} />
      <SubmitButton pendingLabel={tc('sending')}>{submit}</SubmitButton>
    </ActionForm>
  );
}
