import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { MeetingCard } from '@/components/meetings/meeting-card';
import { upcomingAtSpace } from '@/lib/meetings/queries';
import { facilitatorsOf, getSpaceBySlug } from '@/lib/spaces/queries';
import { residentsWhoTookPart } from '@/lib/stats/queries';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { primaryStatus } from '@/lib/stats/disclosure';

const SLUG = /^[a-z0-9-]{1,80}$/;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const space = SLUG.test(slug) ? getSpaceBySlug(getDb(), slug) : undefined;
  const t = await getTranslations('Spaces');
  return { title: space?.name ?? t('title') };
}

export default async function SpacePage({ params }: { params: Promise<{ locale: Locale; slug: string }> }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const db = getDb();
  const space = SLUG.test(slug) ? getSpaceBySlug(db, slug) : undefined;
  if (!space) notFound();
  const t = await getTranslations('Spaces');
  const facilitators = facilitatorsOf(db, space.id);
  const taking = residentsWhoTookPart(db, space.communeId);
  const shown = primaryStatus(taking) === 'few' ? null : taking;
  const now = new Date();
  const meetings = upcomingAtSpace(db, space.id, now.toISOString());
  const actor = await getActor();
  const tm = await getTranslations('Meetings');
  const maySchedule = can(actor, 'meeting.schedule', { spaceId: space.id, communeId: space.communeId });
  const mayManageDevices = can(actor, 'device.manageShared', { spaceId: space.id });
  return (
    <article className="space-y-6" aria-labelledby="space-title">
      <p>
        <a href={localePath(locale, '/spaces')}>{t('back')}</a>
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
        {facilitators.length === 0 ? (
          <p>{t('noFacilitators')}</p>
        ) : (
          <ul className="list-disc pl-6" id="space-facilitators">
            {facilitators.map((f) => (
              <li key={f.id}>{f.displayName}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="space-meetings-title">
        <h2 id="space-meetings-title" className="mb-2 text-xl font-bold">{tm('spaceUpcoming')}</h2>
        {meetings.length === 0 ? (
          <p>{tm('noneUpcoming')}</p>
        ) : (
          <ul className="space-y-3" id="space-meetings">
            {meetings.map((m) => (
              <li key={m.id}>
                <MeetingCard meeting={m} locale={locale} now={now} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 flex flex-wrap gap-4">
          <a href={localePath(locale, `/meetings?commune=${space.communeId}`)}>{tm('allOfCommune', { commune: space.commune })}</a>
          {maySchedule ? <a href={localePath(locale, `/meetings/new?space=${space.slug}`)} className="font-semibold">{tm('new')}</a> : null}
        </p>
      </section>
      {mayManageDevices ? (
        <p>
          <a href={localePath(locale, `/spaces/${space.slug}/device`)} className="font-semibold" id="shared-devices-link">{t('sharedDevicesLink')}</a>
        </p>
      ) : null}
      <section aria-labelledby="participation-title">
        <h2 id="participation-title" className="mb-2 text-xl font-bold">{t('participation')}</h2>
        <p id="space-participation">
          {shown === null
            ? t('residentsFew', { commune: space.commune })
            : t('residents', { count: shown, commune: space.commune })}
        </p>
        <p className="mt-1 text-sm text-stone-700">{t('participationNote')}</p>
        <p className="mt-2">
          <a href={localePath(locale, `/stats?commune=${space.communeId}`)}>{t('statsLink', { commune: space.commune })}</a>
        </p>
      </section>
    </article>
  );
}
