import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { decideAppealAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Notice } from '@/components/ui/notice';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { appealsPage, type AppealItem } from '@/lib/moderation/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('appealsTitle'), robots: { index: false } };
}

export default async function AppealsPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = appealsPage(await signedInContext(locale));
  if ('forbidden' in view) forbidden();
  const sp = await searchParams;
  const t = await getTranslations('Moderation');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t('appealsTitle')}</h1>
      <ModerationNav locale={locale} mayConfigure={view.mayConfigure} />
      {sp.done ? <Notice tone="success">{t('done')}</Notice> : null}
      {view.items.length === 0 ? <p>{t('appealsEmpty')}</p> : null}
      <ul className="space-y-4">
        {view.items.map((a) => (
          <AppealEntry key={a.id} locale={locale} appeal={a} />
        ))}
      </ul>
    </div>
  );
}

/** One appeal: what it is against, the appellant's words, and the form to settle it (for those who may). */
async function AppealEntry({ locale, appeal: a }: { locale: Locale; appeal: AppealItem }) {
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  const format = await getFormatter();
  return (
    <li className="rounded border border-stone-300 bg-white p-3">
      <h2 className="font-bold">{t('appealFor', { name: a.appellant })}</h2>
      <p className="text-sm text-stone-700">
        {format.dateTime(new Date(a.createdAt), 'long')}
        {a.originalModerator ? ` — ${t('decidedBy', { name: a.originalModerator })}` : ''}
      </p>
      <p className="text-sm">
        {a.about.kind === 'suspension'
          ? tc('labelValue', { label: t('sanctionSuspension'), value: a.about.reason ?? '' })
          : tc('labelValue', { label: `${a.about.contentType} #${a.about.contentId}`, value: a.about.reason ?? '' })}
      </p>
      <blockquote className="my-2 border-l-4 border-stone-300 pl-3 whitespace-pre-line">{a.text}</blockquote>
      {a.mayDecide ? (
        <ActionForm action={decideAppealAction} id={`appeal-${a.id}`} fieldPrefix={`appeal-${a.id}`}>
          <Hidden name="locale" value={locale} />
          <Hidden name="appealId" value={String(a.id)} />
          <Hidden name="next" value={localePath(locale, '/moderation/appeals')} />
          <RadioGroup name="outcome" legend={t('outcome')} options={[{ value: 'upheld', label: t('upheld') }, { value: 'rejected', label: t('rejected') }]} />
          <TextArea name="note" label={t('note')} rows={3} maxLength={1000} required requiredMark={tc('required')} />
          <SubmitButton pendingLabel={tc('sending')}>{t('decide')}</SubmitButton>
        </ActionForm>
      ) : (
        <p className="text-sm font-semibold text-stone-700">{t('conflict')}</p>
      )}
    </li>
  );
}
