import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { recordSpokenSummaryAction, removeSpokenSummaryAction } from '@/app/actions/topics';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField } from '@/components/forms/fields';
import { AudioField } from '@/components/media/audio-field';
import { audioFieldLabels } from '@/components/media/audio-labels';
import { AudioPlayer, recordingUrl } from '@/components/media/audio-player';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { MAX_DURATION_S } from '@/lib/media/limits';
import { spokenSummariesPage } from '@/lib/topics/spoken-summary';
import { PostForm } from '@/components/forms/post-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Voice');
  return { title: t('summariesTitle'), robots: { index: false } };
}

/** Record a spoken summary of a topic or of its decision, in French, Bambara, Soninke or Pulaar (issue 13 §5). */
export default async function SpokenSummariesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = spokenSummariesPage(await requestContext(), id);
  if (view === 'signIn') redirect(localePath(locale, '/login'));
  if (view === 'forbidden') forbidden();
  if (!view) notFound();
  const sp = await searchParams;
  const t = await getTranslations('Voice');
  const tl = await getTranslations('Languages');
  const tc = await getTranslations('Common');
  const kindLabel = (k: string) => (k === 'decision' ? t('summaryDecision') : t('summaryTopic'));
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <a href={localePath(locale, `/topics/${view.topic.id}`)}>← {view.topic.title}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('summariesTitle')}</h1>
      <p>{t('summariesIntro')}</p>
      {sp.recorded ? <Notice tone="success">{t('summaryRecorded')}</Notice> : null}
      {sp.removed ? <Notice tone="success">{t('summaryRemoved')}</Notice> : null}
      {typeof sp.error === 'string' ? <Notice tone="error" id="summaries-error">{t('summaryError')}</Notice> : null}
      <section aria-labelledby="record-title" className="rounded border border-stone-300 bg-white p-3">
        <h2 id="record-title" className="mb-2 text-xl font-bold">{t('recordTitle')}</h2>
        <ActionForm action={recordSpokenSummaryAction} id="summary-form" fieldPrefix="sum">
          <Hidden name="locale" value={locale} />
          <Hidden name="topicId" value={String(view.topic.id)} />
          <SelectField name="summary" label={t('summaryOf')} options={view.kinds.map((k) => ({ value: k, label: kindLabel(k) }))} />
          <SelectField name="language" label={t('summaryLanguage')} defaultValue={locale === 'en' ? 'fr' : locale} options={view.languages.map((l) => ({ value: l, label: tl(l) }))} />
          <AudioField name="audio" labels={await audioFieldLabels(t('summaryRecording'), t('summaryRecordingHint'))} maxSeconds={MAX_DURATION_S} required />
          <SubmitButton pendingLabel={tc('sending')}>{t('saveSummary')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="recorded-title">
        <h2 id="recorded-title" className="mb-2 text-xl font-bold">{t('recordedTitle')}</h2>
        {view.recorded.length === 0 ? <p>{t('noSummaries')}</p> : null}
        <ul className="space-y-3">
          {view.recorded.map((r) => (
            <li key={r.id} className="rounded border border-stone-300 bg-white p-3">
              <AudioPlayer src={recordingUrl(r.id)} durationMs={r.durationMs} label={`${kindLabel(r.summary)} — ${tl(r.language)}`} lang={r.language} />
              {!r.published ? <p className="text-sm text-amber-900">{t('waitsForTopic')}</p> : null}
              <PostForm action={removeSpokenSummaryAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="topicId" value={view.topic.id} />
                <input type="hidden" name="mediaId" value={r.id} />
                <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">{t('removeSummary')}</button>
              </PostForm>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
