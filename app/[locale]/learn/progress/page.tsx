import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { progressView } from '@/lib/learn/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Learn');
  return { title: t('myProgress'), robots: { index: false } };
}

/** What the signed-in person has learnt: each course started, lesson by lesson, with their best scores. */
export default async function ProgressPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const t = await getTranslations('Learn');
  const href = (p: string) => localePath(locale, p);
  const { courses } = progressView(ctx);
  return (
    <div className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">{t('myProgress')}</h1>
      {courses.length === 0 ? (
        <p>
          {t('noProgress')} <a href={href('/learn')}>{t('title')}</a>
        </p>
      ) : null}
      {courses.map((c) => (
        <section key={c.slug} aria-labelledby={`progress-${c.slug}`} className="rounded border border-stone-300 bg-white p-4" id={`progress-course-${c.slug}`}>
          <h2 id={`progress-${c.slug}`} className="text-lg font-bold">
            <a href={href(`/learn/${c.slug}`)}>{c.title}</a>
          </h2>
          <p className="font-semibold">{t('courseProgress', { done: c.done, total: c.total })}</p>
          <ul className="mt-2 space-y-1">
            {c.lessons.map((l) => (
              <li key={l.slug}>
                {l.passed ? <span aria-hidden="true">✓ </span> : null}
                <a href={href(`/learn/${c.slug}/${l.slug}`)}>{l.title}</a>
                {' — '}
                {l.bestScore === null ? t('notStarted') : l.passed ? t('lessonDoneShort', { score: l.bestScore, total: l.questionCount }) : t('lessonTriedShort', { score: l.bestScore, total: l.questionCount })}
              </li>
            ))}
          </ul>
          {c.certificate ? (
            <p className="mt-2">
              <a href={href(`/learn/${c.slug}/certificate`)} id={`certificate-${c.slug}`}>{t('certificateOpen')}</a>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
