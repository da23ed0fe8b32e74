import { getTranslations } from 'next-intl/server';
import { DemoBanner } from '@/components/layout/demo-banner';
import { publicContext } from '@/lib/auth/request-context';
import { demoSiteActive } from '@/lib/demo/status';

export default async function CachedNotFound() {
  const t = await getTranslations('NotFound');
  const td = await getTranslations('Demo');
  return (
    <>
      {demoSiteActive(publicContext()) ? <DemoBanner texts={[{ label: td('label'), banner: td('banner') }]} /> : null}
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
        <p className="mb-4">{t('body')}</p>
        <a href="/">{t('home')}</a>
      </main>
    </>
  );
}
