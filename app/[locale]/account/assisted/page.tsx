import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { withdrawAssistedAction } from '@/app/actions/facilitator';
import { Notice } from '@/components/ui/notice';
import { assistedPage, type AssistedItem } from '@/lib/assisted/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { PostForm } from '@/components/forms/post-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Assisted');
  return { title: t('title'), robots: { index: false } };
}

export default async function AssistedContributionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = assistedPage(await signedInContext(locale));
  if (!view) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  const t = await getTranslations('Assisted');
  const te = await getTranslations('Errors');
  const errorKey = typeof sp.error === 'string' ? sp.error : null;
  const error = errorKey ? (errorKey === 'not_found' ? te('notFound') : te.has(errorKey) ? te(errorKey) : te('invalid')) : null;

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <a href={localePath(locale, '/account')}>← {t('backToAccount')}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {sp.withdrawn ? <Notice tone="success">{t('withdrawnNotice')}</Notice> : null}
      {error ? (
        <Notice tone="error" id="assisted-error">
          {error}
        </Notice>
      ) : null}
      <p>{t('intro')}</p>
      {view.items.length === 0 ? (
        <p id="assisted-empty">{t('empty')}</p>
      ) : (
        <ul className="space-y-3" id="assisted-list">
          {view.items.map((a) => (
            <AssistedEntry key={a.id} locale={locale} item={a} />
          ))}
        </ul>
      )}
    </div>
  );
}

async function AssistedEntry({ locale, item: a }: { locale: Locale; item: AssistedItem }) {
  const t = await getTranslations('Assisted');
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), 'long');
  const kind = t(`kind_${a.kind}`);
  const subject = a.subjectTitle ?? t('subjectMissing');
  return (
    <li id={`assisted-${a.id}`} className="rounded border border-stone-300 bg-white p-3">
      <h2 className="text-lg font-bold">{kind}</h2>
      <p className="break-words">{a.subjectPath ? <a href={localePath(locale, a.subjectPath)}>{subject}</a> : subject}</p>
      {a.excerpt ? <blockquote className="my-1 border-l-4 border-stone-300 pl-3 break-words">{a.excerpt}</blockquote> : null}
      <dl className="mt-2 grid gap-x-3 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('space')}</dt>
        <dd>{a.space}</dd>
        <dt className="font-semibold">{t('facilitator')}</dt>
        <dd>{a.facilitator}</dd>
        <dt className="font-semibold">{t('date')}</dt>
        <dd>{when(a.createdAt)}</dd>
        <dt className="font-semibold">{t('consent')}</dt>
        <dd>{when(a.consentGivenAt)}</dd>
      </dl>
      {a.withdrawnAt ? (
        <p className="mt-2 font-semibold text-stone-800">{t('withdrawnOn', { date: when(a.withdrawnAt) })}</p>
      ) : a.mayWithdraw ? (
        <PostForm action={withdrawAssistedAction} className="mt-2">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="assistedId" value={a.id} />
          <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-4 font-semibold text-red-900">
            {t('withdraw')}
            <span className="sr-only"> {t('withdrawWhat', { kind, subject })}</span>
          </button>
        </PostForm>
      ) : null}
    </li>
  );
}
