import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { resetPinAction } from '@/app/actions/facilitator';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Checkbox, Hidden } from '@/components/forms/fields';
import { SlipOrFields } from '@/components/facilitator/participant-slip';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { participantPinPage } from '@/lib/participants/views';
import { slipTexts } from '../../slip-texts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Facilitator');
  return { title: t('pinPageTitle'), robots: { index: false } };
}

export default async function ParticipantPinPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = participantPinPage(await signedInContext(locale), { id });
  if (!view) notFound();
  if ('forbidden' in view) forbidden();
  const { person } = view;
  const t = await getTranslations('Facilitator');
  const tc = await getTranslations('Common');
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(new Date(d.length === 10 ? `${d}T12:00:00Z` : d), { dateStyle: 'long', timeZone: 'UTC' });
  const area = localePath(locale, '/facilitator');

  return (
    <div className="max-w-xl space-y-4">
      <p className="print-hidden">
        <a href={area}>← {t('title')}</a>
      </p>
      <h1 className="print-hidden text-2xl font-bold break-words">{t('pinTitle', { name: person.displayName })}</h1>
      <dl className="print-hidden grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('codeLabel')}</dt>
        <dd className="font-mono text-lg font-bold">{person.code}</dd>
        {person.space ? (
          <>
            <dt className="font-semibold">{t('space')}</dt>
            <dd>{person.space}</dd>
          </>
        ) : null}
        <dt className="font-semibold">{t('registeredLabel')}</dt>
        <dd>
          {day(person.createdAt)}
          {person.registeredBy ? ` — ${t('registeredBy', { name: person.registeredBy })}` : ''}
        </dd>
        {person.consentGivenOn ? (
          <>
            <dt className="font-semibold">{t('consentLabel')}</dt>
            <dd>{day(person.consentGivenOn)}</dd>
          </>
        ) : null}
      </dl>
      <p className="print-hidden">{t('pinIntro')}</p>
      <ActionForm action={resetPinAction} id="reset-pin">
        <SlipOrFields texts={await slipTexts(locale, area, 'backToArea')}>
          <Hidden name="locale" value={locale} />
          <Hidden name="participantId" value={String(person.id)} />
          <Checkbox name="present" label={t('present')} required requiredMark={tc('required')} />
          <Checkbox name="keepSlip" label={t('keepSlip')} hint={t('keepSlipHint')} />
          <SubmitButton pendingLabel={tc('sending')}>{t('pinSubmit')}</SubmitButton>
        </SlipOrFields>
      </ActionForm>
    </div>
  );
}
