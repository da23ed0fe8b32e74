import { getTranslations } from 'next-intl/server';

/** Previous / next links that keep the other query parameters. */
export async function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations('Topics');
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex flex-wrap items-center gap-4">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className="min-h-11 py-2">
          ← {t('previous')}
        </a>
      ) : null}
      <span>{t('page', { page, pages })}</span>
      {page < pages ? (
        <a href={hrefFor(page + 1)} rel="next" className="min-h-11 py-2">
          {t('next')} →
        </a>
      ) : null}
    </nav>
  );
}
