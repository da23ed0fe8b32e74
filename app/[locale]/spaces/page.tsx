import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listSpaces } from '@/db/queries/geography';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Spaces');
  return { title: t('title') };
}

export default async function SpacesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Spaces');
  const spaces = listSpaces(getDb());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
      </div>
      {spaces.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" id="spaces-list">
          {spaces.map((s) => (
            <li key={s.id} className="rounded border border-stone-300 bg-white p-4">
              <h2 className="text-lg font-bold">
                <a href={localePath(locale, `/spaces/${s.slug}`)}>{s.name}</a>
              </h2>
              <dl className="mt-2 text-sm">
                <dt className="font-semibold">{t('commune')}</dt>
                <dd className="mb-1">{s.commune}</dd>
                {s.address ? (
                  <>
                    <dt className="font-semibold">{t('address')}</dt>
                    <dd className="mb-1">{s.address}</dd>
                  </>
                ) : null}
                {s.openingHours ? (
                  <>
                    <dt className="font-semibold">{t('openingHours')}</dt>
                    <dd>{s.openingHours}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
