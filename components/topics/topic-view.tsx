import { getTranslations } from 'next-intl/server';
import { CommentSection } from '@/components/comments/comment-section';
import { MeetingsSection } from '@/components/meetings/meetings-section';
import { TopicLessons } from '@/components/learn/topic-lessons';
import { Notice } from '@/components/ui/notice';
import { localePath, type Locale } from '@/lib/i18n/config';
import { absoluteUrl } from '@/lib/site-url';
import type { TopicNotice, TopicPageView } from '@/lib/topics/topic-page-view';
import { TopicDecision } from './sections/topic-decision';
import { TopicHeader } from './sections/topic-header';
import { TopicShare } from './sections/topic-share';
import { TopicTimeline } from './sections/topic-timeline';
import { TopicVote } from './sections/topic-vote';


/**
 * The topic page (lib/topics/topic-page-view.ts topicPage), for a signed-in reader (dynamic) or an
 * anonymous one (app/cached/…: rendered once, share link from PUBLIC_URL). One component per section,
 * in page order; a new section is a new component here and a new field of the view.
 */
export async function TopicView({ view, locale }: { view: TopicPageView; locale: Locale }) {
  const t = await getTranslations('Topic');
  const tStance = await getTranslations('Stances');
  const tError = await getTranslations('Errors');
  const tComment = await getTranslations('Comments');
  const tReport = await getTranslations('Report');
  const tHidden = await getTranslations('Hidden');
  const noticeText: Record<TopicNotice, string> = {
    voted: t('voteSaved'),
    posted: tComment('published'),
    held: tComment('held'),
    edited: tComment('updated'),
    deleted: tComment('removed'),
    reported: tReport('sent'),
    appealed: tHidden('appealSent'),
  };
  const notices = view.notices.map((n) => noticeText[n]);
  const path = localePath(locale, `/topics/${view.id}`);
  return (
    <div className="space-y-8">
      <p>
        <a href={localePath(locale, '/topics')}>← {t('backToList')}</a>
      </p>
      {notices.map((n) => (
        <Notice key={n} tone="success">{n}</Notice>
      ))}
      {view.error ? <Notice tone="error" id="topic-error">{tError(view.error)}</Notice> : null}
      {view.header.held ? <Notice tone="warning">{t('heldNotice')}</Notice> : null}

      <TopicHeader header={view.header} topicId={view.id} locale={locale} />
      {view.decision ? <TopicDecision decision={view.decision} /> : null}
      <section className="prose-baro max-w-none" dangerouslySetInnerHTML={{ __html: view.bodyHtml }} />
      <TopicLessons locale={locale} lessons={view.lessons} />
      <TopicTimeline timeline={view.timeline} topicId={view.id} locale={locale} />
      {view.meetings ? <MeetingsSection section={view.meetings} locale={locale} /> : null}
      <TopicVote vote={view.vote} topicId={view.id} commune={view.header.commune} locale={locale} />
      <CommentSection
        section={view.comments}
        locale={locale}
        lead={
          <p className="mb-3 text-sm">
            {t('stances')} : {view.comments.stances.map((s) => `${tStance(s.stance)} ${s.count}`).join(' · ')}
          </p>
        }
      />
      <TopicShare topicId={view.id} shareUrl={absoluteUrl(path)} commune={view.header.commune} communeSlug={view.communeSlug} />
    </div>
  );
}
