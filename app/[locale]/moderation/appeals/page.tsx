import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { decideAppealAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { requireModerator } from '@/components/moderation/guard';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { pendingAppeals } from '@/db/queries/moderation';
import { localePath, type Locale } from '@/lib/i18n/config';
import { isAdmin, moderationScope } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('appealsTitle'), robots: { index: false } };
}

export default async function AppealsPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireModerator(locale);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  const format = await getFormatter();
  const items = pendingAppeals(getDb(), moderationScope(actor));
  const here = localePath(locale, '/moderation/appeals');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t('appealsTitle')}</h1>
      <ModerationNav locale={locale} isAdmin={isAdmin(actor)} />
      {sp.done ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('done')}</p> : null}
      {items.length === 0 ? <p>{t('appealsEmpty')}</p> : null}
      <ul className="space-y-4">
        {items.map((a) => (
          <li key={a.id} className="rounded border border-stone-300 bg-white p-3">
            <h2 className="font-bold">{t('appealFor', { name: a.appellant })}</h2>
            <p className="text-sm text-stone-700">
              {format.dateTime(new Date(a.createdAt), 'long')}
              {a.originalModerator ? ` — ${t('decidedBy', { name: a.originalModerator })}` : ''}
            </p>
            <p className="text-sm">{a.sanctionId ? tc('labelValue', { label: t('sanctionSuspension'), value: a.sanctionReason ?? '' }) : tc('labelValue', { label: `${a.contentType} #${a.contentId}`, value: a.hiddenReason ?? '' })}</p>
            <blockquote className="my-2 border-l-4 border-stone-300 pl-3 whitespace-pre-line">{a.text}</blockquote>
            {a.originalModeratorId === actor.id || a.appellantId === actor.id ? (
              <p className="text-sm font-semibold text-stone-700">{t('conflict')}</p>
            ) : (
              <ActionForm action={decideAppealAction} id={`appeal-${a.id}`} fieldPrefix={`appeal-${a.id}`}>
                <Hidden name="locale" value={locale} />
                <Hidden name="appealId" value={String(a.id)} />
                <Hidden name="next" value={here} />
                <RadioGroup name="outcome" legend={t('outcome')} options={[{ value: 'upheld', label: t('upheld') }, { value: 'rejected', label: t('rejected') }]} />
                <TextArea name="note" label={t('note')} rows={3} maxLength={1000} required requiredMark={tc('required')} />
                <SubmitButton pendingLabel={tc('sending')}>{t('decide')}</SubmitButton>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
