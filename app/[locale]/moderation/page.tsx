import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { bulkModerateAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { SuspiciousPatternsPanel } from '@/components/moderation/suspicious-patterns';
import { contentTypeLabel, QueueEntry } from '@/components/moderation/queue-item';
import { FilterSelect } from '@/components/ui/filter-select';
import { Notice } from '@/components/ui/notice';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { CONTENT_TYPES, HOLD_REASONS, REPORT_REASONS } from '@/lib/moderation/values';
import { moderationQueuePage, QUEUE_AGES, type QueuePage } from '@/lib/moderation/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('queueTitle'), robots: { index: false } };
}

export default async function ModerationQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const view = moderationQueuePage(await signedInContext(locale), sp);
  if ('forbidden' in view) forbidden();
  const t = await getTranslations('Moderation');
  const here = localePath(locale, '/moderation');
  const bulk = typeof sp.bulk === 'string' ? sp.bulk.split('-').map(Number) : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('queueTitle')}</h1>
      <ModerationNav locale={locale} mayConfigure={view.mayConfigure} />
      {sp.done ? <Notice tone="success">{t('done')}</Notice> : null}
      {sp.transcribed ? <Notice tone="success">{t('transcriptSaved')}</Notice> : null}
      {bulk ? <Notice tone="success">{t('bulkDone', { done: bulk[0] ?? 0, skipped: bulk[1] ?? 0 })}</Notice> : null}
      <p>{t('queueIntro')}</p>
      <SuspiciousPatternsPanel locale={locale} patterns={view.suspicious} />
      <QueueFilters view={view} />
      {view.items.length === 0 ? (
        <p className="font-semibold">{t('empty')}</p>
      ) : (
        <>
          <ul className="space-y-4">
            {view.items.map((item) => (
              <QueueEntry key={item.id} locale={locale} item={item} next={here} />
            ))}
          </ul>
          <BulkForm locale={locale} next={here} />
        </>
      )}
    </div>
  );
}

/** The queue's filters: a GET form, so a filtered queue is a link. */
async function QueueFilters({ view }: { view: QueuePage }) {
  const t = await getTranslations('Moderation');
  const tr = await getTranslations('Report');
  const tc = await getTranslations('Common');
  const f = view.filters;
  return (
    <form method="get" aria-label={t('filters')} className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-5">
      <FilterSelect name="commune" label={t('commune')} value={f.communeId ? String(f.communeId) : ''} options={[['', tc('allCommunes')], ...view.communes.map((c) => [String(c.id), c.name] as const)]} />
      <FilterSelect name="type" label={t('type')} value={f.type ?? ''} options={[['', t('allTypes')], ...CONTENT_TYPES.map((c) => [c, contentTypeLabel(t, c)] as const)]} />
      <FilterSelect
        name="reason"
        label={t('reason')}
        value={f.reason ?? ''}
        options={[['', t('allReasons')], ...REPORT_REASONS.map((r) => [r, tr(r)] as const), ...HOLD_REASONS.map((r) => [r, t(`hold_${r}`)] as const)]}
      />
      <FilterSelect
        name="age"
        label={t('age')}
        value={f.olderThanDays ? String(f.olderThanDays) : ''}
        options={[['', t('anyAge')], ...QUEUE_AGES.map((d) => [String(d), t('olderThan', { days: d })] as const)]}
      />
      <div className="flex items-end">
        <button type="submit" className="min-h-11 w-full rounded bg-teal-800 px-4 font-semibold text-white">
          {t('apply')}
        </button>
      </div>
    </form>
  );
}

/** One act on every ticked item (the checkboxes of the items belong to this form by their form= attribute). */
async function BulkForm({ locale, next }: { locale: Locale; next: string }) {
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  return (
    <section aria-labelledby="bulk-title" className="rounded border border-stone-300 bg-white p-3">
      <h2 id="bulk-title" className="mb-2 font-bold">
        {t('bulkTitle')}
      </h2>
      <ActionForm action={bulkModerateAction} id="bulk-form" fieldPrefix="bulk">
        <Hidden name="locale" value={locale} />
        <Hidden name="next" value={next} />
        <SelectField
          name="action"
          label={t('bulkAction')}
          options={[
            { value: 'approve', label: t('approve') },
            { value: 'dismiss', label: t('dismiss') },
            { value: 'hide', label: t('hide') },
            { value: 'restore', label: t('restore') },
          ]}
        />
        <TextField name="reason" label={t('hideReason')} hint={t('hideReasonHint')} maxLength={300} />
        <SubmitButton pendingLabel={tc('sending')}>{t('bulkSubmit')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
