import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MeetingCard } from '@/components/meetings/meeting-card';
import { FilterSelect } from '@/components/ui/filter-select';
import { getDb } from '@/db/client';
import { listCommunes, listSpaces } from '@/db/queries/geography';
import { listMeetings } from '@/lib/meetings/queries';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Meetings');
  return { title: t('title') };
}

/** Public meetings at the connected spaces: the next ones, then past ones with their minutes. */
export default async function MeetingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const raw = Array.isArray(sp.commune) ? sp.commune[0] : sp.commune;
  const parsed = idParam.safeParse(raw);
  const communeId = parsed.success ? parsed.data : null;
  const db = getDb();
  const actor = await getActor();
  const now = new Date();
  const t = await getTranslations('Meetings');
  const tc = await getTranslations('Common');
  const communes = listCommunes(db);
  const { upcoming, past } = listMeetings(db, { communeId, nowIso: now.toISOString() });
  const mayScheduleSomewhere = listSpaces(db).some((s) => can(actor, 'meeting.schedule', { spaceId: s.id, communeId: s.communeId }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
        {mayScheduleSomewhere ? (
          <a href={localePath(locale, '/meetings/new')} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:text-white">
            {t('new')}
          </a>
        ) : null}
      </div>
      <form method="get" aria-label={t('filter')} className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-3">
        <FilterSelect name="commune" label={t('commune')} value={communeId ? String(communeId) : ''} options={[['', tc('allCommunes')], ...communes.map((c) => [String(c.id), c.name] as const)]} />
        <div className="flex items-end">
          <button type="submit" className="min-h-11 w-full rounded bg-teal-800 px-4 font-semibold text-white">{t('apply')}</button>
        </div>
      </form>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title" className="mb-2 text-xl font-bold">{t('upcoming')}</h2>
        {upcoming.length === 0 ? (
          <p>{t('noneUpcoming')}</p>
        ) : (
          <ul className="space-y-3" id="meetings-upcoming">
            {upcoming.map((m) => (
              <li key={m.id}>
                <MeetingCard meeting={m} locale={locale} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title" className="mb-2 text-xl font-bold">{t('past')}</h2>
        {past.length === 0 ? (
          <p>{t('nonePast')}</p>
        ) : (
          <ul className="space-y-3" id="meetings-past">
            {past.map((m) => (
              <li key={m.id}>
                <MeetingCard meeting={m} locale={locale} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
