import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { facilitatorHome, type FacilitatorHome } from '@/lib/participants/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Facilitator');
  return { title: t('title'), robots: { index: false } };
}

export default async function FacilitatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = facilitatorHome(await signedInContext(locale), { q: (await searchParams).q });
  if ('forbidden' in view) forbidden();
  const t = await getTranslations('Facilitator');
  const href = (p: string) => localePath(locale, p);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="mb-2 text-2xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
      </div>
      <ul className="flex flex-wrap gap-3">
        <li>
          <a href={href('/facilitator/register')} className="inline-block min-h-11 rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:bg-teal-900 hover:text-white">
            {t('registerLink')}
          </a>
        </li>
        {view.mayAssist ? (
          <li>
            <a href={href('/facilitator/assist')} className="inline-block min-h-11 rounded border-2 border-teal-800 px-4 py-2 font-semibold text-teal-900 no-underline">
              {t('assistLink')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={href('/facilitator/access')} id="access-reset-link" className="inline-block min-h-11 rounded border-2 border-teal-800 px-4 py-2 font-semibold text-teal-900 no-underline">
            {t('accessResetLink')}
          </a>
        </li>
        <li>
          <a href={href('/facilitator/training')} id="training-link" className="inline-block min-h-11 rounded border-2 border-teal-800 px-4 py-2 font-semibold text-teal-900 no-underline">
            {t('trainingLink')}
          </a>
        </li>
        <li>
          <a href={href('/learn/manage')} className="inline-block min-h-11 rounded border-2 border-teal-800 px-4 py-2 font-semibold text-teal-900 no-underline">
            {t('learnLink')}
          </a>
        </li>
      </ul>
      <form method="get" action={href('/facilitator')} role="search" className="flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="participant-search" className="mb-1 block font-semibold">
            {t('searchLabel')}
          </label>
          <input id="participant-search" name="q" type="search" defaultValue={view.q} maxLength={60} className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-4 font-semibold text-teal-900">
          {t('searchSubmit')}
        </button>
      </form>
      {view.spaces.length === 0 ? <p>{t('noSpace')}</p> : null}
      {view.spaces.map((space) => (
        <SpaceParticipants key={space.id} locale={locale} space={space} q={view.q} />
      ))}
    </div>
  );
}

/** One space: where it is, and the participants registered there. */
async function SpaceParticipants({ locale, space, q }: { locale: Locale; space: FacilitatorHome['spaces'][number]; q: string }) {
  const t = await getTranslations('Facilitator');
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(new Date(d.length === 10 ? `${d}T12:00:00Z` : d), { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <section aria-labelledby={`space-${space.id}`} className="space-y-3">
      <h2 id={`space-${space.id}`} className="text-xl font-bold">
        {space.name}
      </h2>
      <p className="text-sm text-stone-700">
        {space.commune}
        {space.address ? ` · ${space.address}` : ''}
        {space.openingHours ? ` · ${space.openingHours}` : ''}
      </p>
      <h3 className="font-bold">{t('participantsTitle')}</h3>
      {space.participants.length === 0 ? (
        <p>{q ? t('searchEmpty', { q }) : t('participantsEmpty')}</p>
      ) : (
        <ul className="space-y-2" id={`participants-${space.id}`}>
          {space.participants.map((p) => (
            <li key={p.id} className="rounded border border-stone-300 bg-white p-3">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <strong className="break-words">{p.displayName}</strong>
                <span className="participant-code font-mono text-lg font-bold tracking-wider">{p.code}</span>
              </p>
              <p className="text-sm">{t('registeredOn', { date: day(p.createdAt) })}</p>
              {p.consentGivenOn ? <p className="text-sm">{t('consentOn', { date: day(p.consentGivenOn) })}</p> : null}
              {p.mayResetPin ? (
                <p className="mt-1">
                  <a href={localePath(locale, `/facilitator/participants/${p.id}`)}>{t('newPinFor', { name: p.displayName })}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
