import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TopicCard } from '@/components/topics/topic-card';
import { selectedCommuneId } from '@/lib/auth/page-context';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { homePage } from '@/lib/topics/views';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  return { alternates: { languages: { fr: '/', en: '/en' }, canonical: localePath(locale, '/') } };
}

export default async function Home({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const tTopics = await getTranslations('Topics');
  const communeId = await selectedCommuneId();
  const view = homePage(await requestContext(), { communeId, locale });
  const href = (p: string) => localePath(locale, p);

  return (
    <div className="space-y-8">
      <section>
        <h1 className="mb-2 text-3xl font-extrabold">{view.readerName ? t('welcomeBack', { name: view.readerName }) : t('title')}</h1>
        <p className="mb-4 text-lg">{t('intro')}</p>
        {view.commune ? <p className="mb-4 font-semibold">{t('yourCommune', { commune: view.commune })}</p> : null}
        {!view.readerName ? (
          <p className="flex flex-wrap gap-4">
            <a
              href={href('/register')}
              className="rounded bg-teal-800 px-5 py-3 font-semibold text-white no-underline hover:bg-teal-900 hover:text-white"
            >
              {t('getStarted')}
            </a>
            <a href={href('/login')} className="self-center">
              {t('haveAccount')}
            </a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="open-topics">
        <h2 id="open-topics" className="mb-1 text-xl font-bold">
          {tTopics('openHome')}
        </h2>
        {communeId ? <p className="mb-2 text-sm text-stone-700">{tTopics('yourCommuneFirst')}</p> : null}
        {view.openTopics.length === 0 ? (
          <p>{tTopics('openHomeEmpty')}</p>
        ) : (
          <ul className="space-y-3">
            {view.openTopics.map((topic) => (
              <li key={topic.id}>
                <TopicCard topic={topic} href={href(`/topics/${topic.id}`)} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <a href={href('/topics')}>{tTopics('seeAll')}</a>
        </p>
      </section>
      <section aria-labelledby="steps">
        <h2 id="steps" className="mb-2 text-xl font-bold">
          {t('steps')}
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
        </ol>
      </section>
      <section aria-labelledby="spaces">
        <h2 id="spaces" className="mb-2 text-xl font-bold">
          {t('spaces')}
        </h2>
        <p className="mb-2">{t('spacesIntro')}</p>
        <ul className="grid gap-3 sm:grid-cols-3">
          {view.spaces.map((s) => (
            <li key={s.id} className="rounded border border-stone-300 bg-white p-3">
              <p className="font-semibold">{s.name}</p>
              <p className="text-sm">{s.commune}</p>
              <p className="text-sm text-stone-700">{s.address}</p>
              <p className="text-sm text-stone-700">{s.openingHours}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="communes">
        <h2 id="communes" className="mb-2 text-xl font-bold">
          {t('communesTitle')}
        </h2>
        <ul className="list-disc pl-6">
          {view.communes.map((c) => (
            <li key={c.id}>
              {c.name} <span className="text-sm text-stone-700">({c.cercle}, {c.region})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
