import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, redirect } from 'next/navigation';
import { TrainingForm } from '@/components/learn/training-form';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { trainingSpaces, trainingView } from '@/lib/learn/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Training');
  return { title: t('title'), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Training sessions at a connected space: record one, and see the space's sessions. */
export default async function TrainingPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const spaces = trainingSpaces(ctx);
  if (spaces.length === 0) forbidden();
  const t = await getTranslations('Training');
  const href = (p: string) => localePath(locale, p);
  const space = spaces.find((s) => s.slug === one(sp.space)) ?? (spaces.length === 1 ? spaces[0] : undefined);
  if (!space) {
    return (
      <div className="max-w-2xl space-y-3">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('chooseSpace')}</p>
        <ul className="list-disc space-y-2 pl-6" id="training-spaces">
          {spaces.map((s) => (
            <li key={s.id}>
              <a href={href(`/facilitator/training?space=${s.slug}`)}>{s.name}</a>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const view = trainingView(ctx, space.id, locale)!;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-lg">{space.name}</p>
        <p className="mt-2">{t('intro')}</p>
      </div>
      {sp.recorded === '1' ? <Notice tone="success" id="training-notice">{t('recorded')}</Notice> : null}
      <section aria-labelledby="new-session">
        <h2 id="new-session" className="mb-2 text-xl font-bold">{t('newSession')}</h2>
        <TrainingForm locale={locale} space={space} courses={view.courses} participants={view.participants} today={ctx.now.toISOString().slice(0, 10)} />
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions" className="mb-2 text-xl font-bold">{t('sessions')}</h2>
        {view.sessions.length === 0 ? <p>{t('noSessions')}</p> : null}
        <ul className="space-y-2" id="training-sessions">
          {view.sessions.map((s) => (
            <li key={s.id} className="rounded border border-stone-300 bg-white p-3">
              <p className="font-semibold">{`${s.heldOn} · ${s.courseTitle}`}</p>
              <p className="text-sm">{t('sessionLine', { counted: s.counted, named: s.named, by: s.recordedBy })}</p>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm">
          <a href={href('/stats')}>{t('statsLink')}</a>
        </p>
      </section>
    </div>
  );
}
