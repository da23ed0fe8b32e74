import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listSpaces } from '@/db/queries/geography';
import { linkableSubjects } from '@/lib/meetings/queries';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('MeetingForm');
  return { title: t('newTitle'), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Schedule a meeting: first the space (a list of links, so it works without JavaScript), then the
 * form, whose topics and projects are those of the space's commune. ?topic= / ?project= preselect.
 */
export default async function NewMeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  const db = getDb();
  const t = await getTranslations('MeetingForm');
  const spaces = listSpaces(db).filter((s) => can(actor, 'meeting.schedule', { spaceId: s.id, communeId: s.communeId }));
  if (spaces.length === 0) return <Forbidden />;
  const space = spaces.find((s) => s.slug === one(sp.space)) ?? (spaces.length === 1 ? spaces[0] : undefined);
  const keep = (name: 'topic' | 'project') => {
    const v = idParam.safeParse(one(sp[name]));
    return v.success ? v.data : undefined;
  };
  const carry = ['topic', 'project'].flatMap((k) => (keep(k as 'topic') ? [`${k}=${keep(k as 'topic')}`] : [])).join('&');

  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">{t('newTitle')}</h1>
      {!space ? (
        <>
          <p className="mb-3">{t('chooseSpace')}</p>
          <ul className="list-disc space-y-2 pl-6" id="meeting-spaces">
            {spaces.map((s) => (
              <li key={s.id}>
                <a href={localePath(locale, `/meetings/new?space=${s.slug}${carry ? `&${carry}` : ''}`)}>{`${s.name} (${s.commune})`}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="mb-6">{t('intro', { space: space.name, commune: space.commune })}</p>
          <MeetingForm
            locale={locale}
            space={space}
            subjects={linkableSubjects(db, space.communeId)}
            defaults={{ topicId: keep('topic'), projectId: keep('project') }}
          />
        </>
      )}
    </div>
  );
}
