import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ListPage, ListSection } from '@/components/ui/list-page';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { spaceListPage } from '@/lib/spaces/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Spaces');
  return { title: t('title') };
}

export default async function SpacesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { spaces } = spaceListPage(await requestContext());
  const t = await getTranslations('Spaces');
  return (
    <ListPage title={t('title')} intro={t('intro')}>
      <ListSection
        items={spaces}
        itemKey={(s) => s.id}
        empty={t('none')}
        listId="spaces-list"
        grid
        renderItem={(s) => (
          <article className="h-full rounded border border-stone-300 bg-white p-4">
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
          </article>
        )}
      />
    </ListPage>
  );
}
