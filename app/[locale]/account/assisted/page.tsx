import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { withdrawAssistedAction } from '@/app/actions/facilitator';
import { getDb } from '@/db/client';
import { assistedFor } from '@/db/queries/assisted';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Assisted');
  return { title: t('title'), robots: { index: false } };
}

const excerpt = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

export default async function AssistedContributionsPage({
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
  const db = getDb();
  const items = assistedFor(db, actor.id);
  const sp = await searchParams;
  const t = await getTranslations('Assisted');
  const te = await getTranslations('Errors');
  const format = await getFormatter();
  const href = (p: string) => localePath(locale, p);
  const when = (iso: string) => format.dateTime(new Date(iso), 'long');
  const kindLabel = (kind: string) => t(`kind_${kind}` as 'kind_comment');
  const errorKey = typeof sp.error === 'string' ? sp.error : null;
  const error = errorKey ? (errorKey === 'not_found' ? te('notFound') : te.has(errorKey) ? te(errorKey) : te('invalid')) : null;

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <a href={href('/account')}>← {t('backToAccount')}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {sp.withdrawn ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{t('withdrawnNotice')}</p> : null}
      {error ? <p id="assisted-error" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{error}</p> : null}
      <p>{t('intro')}</p>
      {items.length === 0 ? (
        <p id="assisted-empty">{t('empty')}</p>
      ) : (
        <ul className="space-y-3" id="assisted-list">
          {items.map((a) => {
            const onTopic = a.topicId !== null;
            const subjectHref = onTopic ? href(`/topics/${a.topicId}`) : a.projectId !== null ? href(`/projects/${a.projectId}`) : null;
            const anchor = a.kind === 'comment' || a.kind === 'comment_support' ? `#comment-${a.subjectId}` : '';
            const subjectTitle = a.topicTitle ?? a.projectTitle ?? t('subjectMissing');
            return (
              <li key={a.id} id={`assisted-${a.id}`} className="rounded border border-stone-300 bg-white p-3">
                <h2 className="text-lg font-bold">{kindLabel(a.kind)}</h2>
                <p className="break-words">
                  {subjectHref ? <a href={`${subjectHref}${anchor}`}>{subjectTitle}</a> : subjectTitle}
                </p>
                {a.kind === 'comment' && a.commentBody ? <blockquote className="my-1 border-l-4 border-stone-300 pl-3 break-words">{excerpt(a.commentBody)}</blockquote> : null}
                <dl className="mt-2 grid gap-x-3 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">{t('space')}</dt>
                  <dd>{a.space}</dd>
                  <dt className="font-semibold">{t('facilitator')}</dt>
                  <dd>{a.facilitator}</dd>
                  <dt className="font-semibold">{t('date')}</dt>
                  <dd>{when(a.createdAt)}</dd>
                  <dt className="font-semibold">{t('consent')}</dt>
                  <dd>{when(a.consentGivenAt)}</dd>
                </dl>
                {a.withdrawnAt ? (
                  <p className="mt-2 font-semibold text-stone-800">{t('withdrawnOn', { date: when(a.withdrawnAt) })}</p>
                ) : can(actor, 'assisted.withdraw', { participantId: actor.id, withdrawn: false }) ? (
                  <form action={withdrawAssistedAction} className="mt-2">
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="assistedId" value={a.id} />
                    <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-4 font-semibold text-red-900">
                      {t('withdraw')}
                      <span className="sr-only"> {t('withdrawWhat', { kind: kindLabel(a.kind), subject: subjectTitle })}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
