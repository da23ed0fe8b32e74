import { getTranslations } from 'next-intl/server';
import { CommentSection } from '@/components/comments/comment-section';
import type { Locale } from '@/lib/i18n/config';
import type { ProjectCommentsView } from '@/lib/projects/project-page';

/** A project's discussion: the shared comment section (the same comments and rules as a topic's). */
export async function ProjectComments({ comments, locale }: { comments: ProjectCommentsView; locale: Locale }) {
  const t = await getTranslations('Project');
  return <CommentSection section={comments} locale={locale} closed={comments.closed ? <p className="mb-3 font-semibold">{t('discussionClosed')}</p> : null} />;
}
