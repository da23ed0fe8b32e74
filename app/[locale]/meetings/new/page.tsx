import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, redirect } from 'next/navigation';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { newMeetingPage } from '@/lib/meetings/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('MeetingForm');
  return { title: t('newTitle'), robots: { index: false } };
}

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
  const view = newMeetingPage(await requestContext(), await searchParams);
  if ('refused' in view) {
    if (view.refused === 'signIn') redirect(localePath(locale, '/login'));
    forbidden();
  }
  const t = await getTranslations('MeetingForm');

  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">{t('newTitle')}</h1>
      {view.step === 'chooseSpace' ? (
        <>
          <p className="mb-3">{t('chooseSpace')}</p>
          <ul className="list-disc space-y-2 pl-6" id="meeting-spaces">
            {view.spaces.map((s) => (
              <li key={s.id}>
                <a href={localePath(locale, `/meetings/new?space=${s.slug}${view.carry ? `&${view.carry}` : ''}`)}>{`${s.name} (${s.commune})`}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="mb-6">{t('intro', { space: view.space.name, commune: view.space.commune })}</p>
          <MeetingForm locale={locale} space={view.space} subjects={view.subjects} defaults={view.defaults} />
        </>
      )}
    </div>
  );
}
