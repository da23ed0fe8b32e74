import { getTranslations } from 'next-intl/server';
import { createTopicAction, updateTopicAction } from '@/app/actions/topics';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { SECTORS } from '@/lib/topics/sectors';
import type { TopicFormValues } from '@/lib/topics/views';

/** "2026-12-01T09:00:00.000Z" → "2026-12-01T09:00" for a datetime-local input (Mali is on UTC). */
const toInput = (iso: string) => iso.slice(0, 16);

/** A new topic (choose its commune) or the text of an existing one. */
export async function TopicForm({ locale, communes, topic }: { locale: string; communes: { id: number; name: string }[]; topic?: TopicFormValues }) {
  const t = await getTranslations('TopicForm');
  const tSector = await getTranslations('Sectors');
  const tCommon = await getTranslations('Common');
  const req = { required: true, requiredMark: tCommon('required') };
  return (
    <ActionForm action={topic ? updateTopicAction : createTopicAction} id="topic-form">
      <Hidden name="locale" value={locale} />
      {topic ? (
        <Hidden name="topicId" value={String(topic.id)} />
      ) : (
        <SelectField name="communeId" label={t('commune')} {...req} options={communes.map((c) => ({ value: String(c.id), label: c.name }))} />
      )}
      <TextField name="title" label={t('title')} {...req} maxLength={140} defaultValue={topic?.title} />
      <TextArea name="summary" label={t('summary')} hint={t('summaryHint')} {...req} rows={3} maxLength={280} defaultValue={topic?.summary} />
      <TextArea name="body" label={t('body')} hint={t('bodyHint')} {...req} rows={12} maxLength={20000} defaultValue={topic?.body} />
      <SelectField name="sector" label={t('sector')} {...req} defaultValue={topic?.sector} options={SECTORS.map((s) => ({ value: s, label: tSector(s) }))} />
      <TextField name="location" label={t('location')} hint={t('locationHint')} maxLength={140} defaultValue={topic?.location ?? ''} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField name="opensAt" type="datetime-local" label={t('opensAt')} hint={t('dateHint')} {...req} defaultValue={topic ? toInput(topic.opensAt) : undefined} />
        <TextField name="closesAt" type="datetime-local" label={t('closesAt')} hint={t('dateHint')} {...req} defaultValue={topic ? toInput(topic.closesAt) : undefined} />
      </div>
      <TextArea name="pollOptions" label={t('pollOptions')} hint={t('pollOptionsHint')} rows={4} defaultValue={topic?.pollOptions?.join('\n') ?? ''} />
      <SubmitButton pendingLabel={tCommon('saving')}>{topic ? t('save') : t('create')}</SubmitButton>
    </ActionForm>
  );
}
