import { getFormatter, getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { RevisionsView } from '@/lib/revisions/views';

/** The earlier versions of a topic's or a citizen project's text, newest first (lib/revisions/views.ts). */
export async function RevisionsList({ view, locale }: { view: RevisionsView; locale: Locale }) {
  const { subject } = view;
  const t = await getTranslations(subject.kind === 'topic' ? 'Revisions' : 'ProjectRevisions');
  const tProject = await getTranslations('Project');
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <p>
        <a href={localePath(locale, `/${subject.kind === 'topic' ? 'topics' : 'projects'}/${subject.id}`)}>← {subject.title}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('title', { title: subject.title })}</h1>
      <p>{t('intro')}</p>
      {view.revisions.length === 0 ? <p>{t('empty')}</p> : null}
      <ol className="space-y-4">
        {view.revisions.map((r) => (
          <li key={r.id} className="rounded border border-stone-300 bg-white p-3">
            <p className="mb-2 text-sm text-stone-700">{t('version', { date: format.dateTime(new Date(r.createdAt), 'long'), name: r.editor ?? '—' })}</p>
            <h2 className="text-lg font-bold">{r.title}</h2>
            {r.parts.map((part, i) =>
              part.kind === 'html' ? (
                <div key={i} className="prose-baro" dangerouslySetInnerHTML={{ __html: part.html }} />
              ) : part.heading ? (
                <div key={i}>
                  <h3 className="mt-2 font-semibold">{tProject(part.heading)}</h3>
                  <p className="whitespace-pre-line">{part.text}</p>
                </div>
              ) : (
                <p key={i} className={part.small ? 'mt-2 text-sm' : 'mb-2'}>{part.text}</p>
              ),
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
