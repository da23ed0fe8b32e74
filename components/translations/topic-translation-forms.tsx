import { getTranslations } from 'next-intl/server';
import { saveTopicTranslationAction } from '@/app/actions/translations';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField } from '@/components/forms/fields';
import { Notice } from '@/components/ui/notice';
import { languageAutonyms, translatableLocales, type Locale } from '@/lib/i18n/config';

/**
 * On a topic's edit page: its title and summary in Bambara, Soninke and Pulaar, one form per language
 * (readers of that language see them, with a link to the French). Both fields empty removes one.
 */
export async function TopicTranslationForms({
  locale,
  topicId,
  existing,
  saved,
}: {
  locale: Locale;
  topicId: number;
  existing: Partial<Record<string, { title: string; summary: string }>>;
  saved?: string;
}) {
  const t = await getTranslations('TopicTranslations');
  const tc = await getTranslations('Common');
  return (
    <section aria-labelledby="translations-title" id="translations" className="space-y-4">
      <h2 id="translations-title" className="text-xl font-bold">{t('title')}</h2>
      <p>{t('intro')}</p>
      {saved && (translatableLocales as readonly string[]).includes(saved) ? (
        <Notice tone="success" id="translation-saved">{t('saved', { language: languageAutonyms[saved as Locale] })}</Notice>
      ) : null}
      {translatableLocales.map((l) => (
        <div key={l} className="rounded border border-stone-300 bg-white p-3">
          <h3 className="mb-2 text-lg font-bold" lang={l}>{languageAutonyms[l]}</h3>
          <ActionForm action={saveTopicTranslationAction} id={`topic-translation-${l}`} fieldPrefix={`tr-${l}`}>
            <Hidden name="locale" value={locale} />
            <Hidden name="topicId" value={String(topicId)} />
            <Hidden name="lang" value={l} />
            <TextField name="title" label={t('titleLabel')} maxLength={140} defaultValue={existing[l]?.title ?? ''} />
            <TextArea name="summary" label={t('summaryLabel')} hint={t('hint')} rows={3} maxLength={280} defaultValue={existing[l]?.summary ?? ''} />
            <SubmitButton pendingLabel={tc('saving')}>{t('save')}</SubmitButton>
          </ActionForm>
        </div>
      ))}
    </section>
  );
}
