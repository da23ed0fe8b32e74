import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { MeetingCard } from '@/components/meetings/meeting-card';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { spaceMetadata, spacePage } from '@/lib/spaces/views';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const meta = spaceMetadata(await requestContext(), { slug });
  const t = await getTranslations('Spaces');
  return { title: meta?.name ?? t('title') };
}

export default async function SpacePage({ params }: { params: Promise<{ locale: Locale; slug: string }> }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const view = spacePage(await requestContext(), { slug });
  if (!view) notFound();
  const { space } = view;
  const t = await getTranslations('Spaces');
  const tm = await getTranslations('Meetings');
  const href = (p: string) => localePath(locale, p);
  return (
    <article className="space-y-6" aria-labelledby="space-title">
      <p>
        <a href={href('/spaces')}>{t('back')}</a>
      </p>
      <h1 id="space-title" className="text-2xl font-bold">{space.name}</h1>
      <dl className="rounded border border-stone-300 bg-white p-4">
        <dt className="font-semibold">{t('commune')}</dt>
        <dd className="mb-2">{space.commune}</dd>
        <dt className="font-semibold">{t('address')}</dt>
        <dd className="mb-2">{space.address || t('notGiven')}</dd>
        <dt className="font-semibold">{t('openingHours')}</dt>
        <dd>{space.openingHours || t('notGiven')}</dd>
      </dl>
      <section aria-labelledby="facilitators-title">
        <h2 id="facilitators-title" className="mb-2 text-xl font-bold">{t('facilitators')}</h2>
        {view.facilitators.length === 0 ? (
          <p>{t('noFacilitators')}</p>
        ) : (
          <ul className="list-disc pl-6" id="space-facilitators">
            {view.facilitators.map((f) => (
              <li key={f.id}>{f.displayName}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="space-meetings-title">
        <h2 id="space-meetings-title" className="mb-2 text-xl font-bold">{tm('spaceUpcoming')}</h2>
        {view.meetings.length === 0 ? (
          <p>{tm('noneUpcoming')}</p>
        ) : (
          <ul className="space-y-3" id="space-meetings">
            {view.meetings.map((m) => (
              <li key={m.id}>
                <MeetingCard meeting={m} locale={locale} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 flex flex-wrap gap-4">
          <a href={href(`/meetings?commune=${space.communeId}`)}>{tm('allOfCommune', { commune: space.commune })}</a>
          {view.maySchedule ? <a href={href(`/meetings/new?space=${space.slug}`)} className="font-semibold">{tm('new')}</a> : null}
        </p>
      </section>
      {view.mayManageDevices ? (
        <p>
          <a href={href(`/spaces/${space.slug}/device`)} className="font-semibold" id="shared-devices-link">{t('sharedDevicesLink')}</a>
        </p>
      ) : null}
      <section aria-labelledby="participation-title">
        <h2 id="participation-title" className="mb-2 text-xl font-bold">{t('participation')}</h2>
        <p id="space-participation">
          {view.residentsShown === null ? t('residentsFew', { commune: space.commune }) : t('residents', { count: view.residentsShown, commune: space.commune })}
        </p>
        <p className="mt-1 text-sm text-stone-700">{t('participationNote')}</p>
        <p className="mt-2">
          <a href={href(`/stats?commune=${space.communeId}`)}>{t('statsLink', { commune: space.commune })}</a>
        </p>
      </section>
    </article>
  );
}
