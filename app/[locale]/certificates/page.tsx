import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { localePath, type Locale } from '@/lib/i18n/config';
import { normalizeCertificateCode } from '@/lib/learn/certificate-code';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Certificate');
  return { title: t('verifyTitle') };
}

/** Check a certificate: type its code (a plain GET form), and its page says whether it is genuine. */
export default async function VerifyPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const typed = typeof sp.code === 'string' ? sp.code : '';
  if (typed) {
    // Whatever was typed goes to the same page: a malformed code looks like an unknown one.
    const code = normalizeCertificateCode(typed);
    redirect(localePath(locale, `/certificates/${/^[A-Z0-9]+$/.test(code) ? code : encodeURIComponent(typed.slice(0, 40))}`));
  }
  const t = await getTranslations('Certificate');
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('verifyTitle')}</h1>
      <p>{t('verifyIntro')}</p>
      <form method="get" className="flex flex-wrap items-end gap-2" id="verify-form">
        <div className="grow">
          <label htmlFor="code" className="mb-1 block font-semibold">{t('codeLabel')}</label>
          <input id="code" name="code" type="text" autoComplete="off" autoCapitalize="characters" maxLength={40} className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2 font-mono" />
        </div>
        <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">{t('verifySubmit')}</button>
      </form>
    </div>
  );
}
