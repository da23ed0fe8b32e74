import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, redirect } from 'next/navigation';
import { importTranslationsAction } from '@/app/actions/translations';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { FileField } from '@/components/translations/fields';
import { requestContext } from '@/lib/auth/request-context';
import { languageAutonyms, localePath, translatableLocales, type Locale } from '@/lib/i18n/config';
import { loadTranslationOverview } from '@/lib/translations/load';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Translations');
  return { title: t('title'), robots: { index: false } };
}

export default async function TranslationsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const view = loadTranslationOverview(ctx);
  if (!view) forbidden();
  const t = await getTranslations('Translations');
  const tc = await getTranslations('Common');
  const href = (lang: string, filter?: string) => localePath(locale, `/admin/translations/${lang}${filter ? `?filter=${filter}` : ''}`);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>{t('twoPeople')}</p>
      <section aria-labelledby="coverage-title">
        <h2 id="coverage-title" className="mb-2 text-xl font-bold">{t('coverageTitle')}</h2>
        <ul className="grid gap-3 sm:grid-cols-3" id="coverage">
          {view.coverage.map((c) => (
            <li key={c.locale} id={`coverage-${c.locale}`} className="rounded border border-stone-300 bg-white p-3">
              <h3 className="text-lg font-bold" lang={c.locale}>
                <a href={href(c.locale)}>{languageAutonyms[c.locale]}</a>
              </h3>
              <p>{t('coverage', { translated: c.translated, total: c.total, percent: Math.round(c.percent * 10) / 1000 })}</p>
              <ul className="mt-2 space-y-1">
                <li>
                  <a href={href(c.locale, 'review')}>{t('awaiting', { count: c.awaitingReview })}</a>
                </li>
                <li>
                  <a href={href(c.locale, 'core')}>{t('filter_core')}</a>
                </li>
                <li>
                  <a href={href(c.locale, 'missing')}>{t('filter_missing')}</a>
                </li>
                <li>
                  <a href={`/exports/translations/${c.locale}.json`} download>{t('export', { language: languageAutonyms[c.locale] })}</a>
                </li>
              </ul>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm">{t('exportHint')}</p>
      </section>
      <section aria-labelledby="import-title" className="max-w-xl">
        <h2 id="import-title" className="mb-2 text-xl font-bold">{t('importTitle')}</h2>
        <p className="mb-3">{t('importIntro')}</p>
        <ActionForm action={importTranslationsAction} id="import-form" fieldPrefix="import">
          <Hidden name="locale" value={locale} />
          <SelectField name="lang" label={t('language')} options={translatableLocales.map((l) => ({ value: l, label: languageAutonyms[l] }))} />
          <SelectField name="origin" label={t('origin')} options={[{ value: 'person', label: t('origin_person') }, { value: 'machine', label: t('origin_machine') }]} />
          <TextField name="provenance" label={t('provenanceLabel')} hint={t('provenanceHint')} required requiredMark={tc('required')} maxLength={300} />
          <FileField name="file" label={t('file')} hint={t('fileHint')} accept="application/json,.json" />
          <SubmitButton pendingLabel={tc('sending')}>{t('import')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
