import { getTranslations } from 'next-intl/server';
import { createCommentAction } from '@/app/actions/participation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { STANCES } from '@/db/schema';
import { COMMENT_MAX } from '@/lib/comments/schemas';

export async function CommentForm({
  topicId,
  parentId,
  locale,
  legend,
  submit,
  formId,
}: {
  topicId: number;
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
      <Hidden name="topicId" value={String(topicId)} />
      {parentId ? <Hidden name="parentId" value={String(parentId)} /> : null}
      <RadioGroup name="stance" legend={t('stance')} options={STANCES.map((s) => ({ value: s, label: ts(s) }))} />
      <TextArea name="body" label={t('body')} hint={t('bodyHint')} rows={parentId ? 3 : 5} maxLength={COMMENT_MAX} required requiredMark={tc('required')} />
      <SubmitButton pendingLabel={tc('sending')}>{submit}</SubmitButton>
    </ActionForm>
  );
}
