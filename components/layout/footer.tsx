import { getTranslations } from 'next-intl/server';

export async function Footer() {
  const t = await getTranslations('Footer');
  return (
    <footer className="border-t border-stone-300 bg-white">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-4 text-sm text-stone-700">
        <p>{t('about')}</p>
        <p>{t('privacy')}</p>
      </div>
    </footer>
  );
}
