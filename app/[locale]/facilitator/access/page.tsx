import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { resetInPersonAction } from '@/app/actions/verification';
import { AccessResetForm } from '@/components/accounts/access-reset-form';
import { accessResetPage } from '@/lib/accounts/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { slipTexts } from '../slip-texts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('AccessReset');
  return { title: t('title'), robots: { index: false } };
}

/**
 * Getting back in, in person, at any connected space (issue 12 §3): the facilitator checks a document
 * and resets the person's access. Staff accounts are an admin's (/admin/users/[id]).
 */
export default async function AccessResetPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = accessResetPage(await signedInContext(locale));
  if (!view || 'forbidden' in view) forbidden();
  const t = await getTranslations('AccessReset');
  const tf = await getTranslations('Facilitator');
  const here = localePath(locale, '/facilitator/access');
  return (
    <div className="max-w-xl space-y-4">
      <p className="print-hidden">
        <a href={localePath(locale, '/facilitator')}>← {tf('title')}</a>
      </p>
      <h1 className="print-hidden text-2xl font-bold">{t('title')}</h1>
      <p className="print-hidden">{t('intro')}</p>
      <p className="print-hidden text-sm text-stone-700">{t('staffNote')}</p>
      <AccessResetForm action={resetInPersonAction} locale={locale} spaces={view.spaces} slipTexts={await slipTexts(locale, here, 'backToArea')} anotherHref={here} />
    </div>
  );
}
