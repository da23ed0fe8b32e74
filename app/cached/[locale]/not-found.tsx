import { getTranslations } from 'next-intl/server';

export default async function CachedNotFound() {
  const t = await getTranslations('NotFound');
  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
      <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4">{t('body')}</p>
      <a href="/">{t('home')}</a>
    </main>
  );
}
