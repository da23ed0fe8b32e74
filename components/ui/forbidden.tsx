import { getTranslations } from 'next-intl/server';

/** Shown in place of a page the person may not see (rendered on the server, so it works without JavaScript). */
export async function Forbidden() {
  const t = await getTranslations('Forbidden');
  return (
    <div className="max-w-xl" id="forbidden">
      <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
      <p>{t('body')}</p>
    </div>
  );
}
