import { getTranslations } from 'next-intl/server';
import { CommentForm } from '@/components/topics/comment-form';
import { CommentThread } from '@/components/topics/comment-thread';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { Actor } from '@/lib/permissions';
import type { ProjectCommentsView } from '@/lib/projects/project-page';

/** A project's discussion: the shared comment thread (the same comments and rules as a topic's). */
export async function ProjectComments({ comments: c, actor, locale, now }: { comments: ProjectCommentsView; actor: Actor | null; locale: Locale; now: Date }) {
  const t = await getTranslations('Project');
  const tcm = await getTranslations('Comments');
  return (
    <section aria-labelledby="comments-title" id="comments">
      <h2 id="comments-title" className="mb-2 text-xl font-bold">{tcm('title', { count: c.page.total })}</h2>
      {c.mayComment ? (
        <div className="mb-6 rounded border border-stone-300 bg-white p-3">
          <h3 className="mb-2 font-bold">{tcm('write')}</h3>
          <CommentForm subject={c.subject} locale={locale} legend={tcm('write')} submit={tcm('submit')} formId="comment-form" />
        </div>
      ) : c.closed ? (
        <p className="mb-3 font-semibold">{t('discussionClosed')}</p>
      ) : null}
      <CommentThread
        comments={c.page}
        actor={actor}
        phase={c.phase}
        subject={c.subject}
        locale={locale}
        now={now}
        sort={c.params.sort}
        page={c.params.page}
        basePath={localePath(locale, `/projects/${c.subject.id}`)}
        open={c.params.open}
      />
    </section>
  );
}
