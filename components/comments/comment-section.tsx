import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { CommentSectionView } from '@/lib/comments/views';
import { localePath, type Locale } from '@/lib/i18n/config';
import { CommentForm } from './comment-form';
import { CommentThread } from './comment-thread';

/**
 * The discussion section of a topic's or a project's page (lib/comments/views.ts commentSection): title
 * with the count, what the page puts under it (`lead`), the comment form while the discussion is open
 * (else `closed`, if given), and the thread.
 */
export async function CommentSection({ section, locale, lead, closed }: { section: CommentSectionView; locale: Locale; lead?: ReactNode; closed?: ReactNode }) {
  const t = await getTranslations('Comments');
  const tv = await getTranslations('Verify');
  return (
    <section aria-labelledby="comments-title" id="comments">
      <h2 id="comments-title" className="mb-2 text-xl font-bold">{t('title', { count: section.total })}</h2>
      {lead}
      {section.mayComment ? (
        <div className="mb-6 rounded border border-stone-300 bg-white p-3">
          <h3 className="mb-2 font-bold">{t('write')}</h3>
          <CommentForm subject={section.subject} locale={locale} legend={t('write')} submit={t('submit')} formId="comment-form" />
        </div>
      ) : section.verifyToComment ? (
        <p className="mb-6" id="verify-to-comment">
          <a href={localePath(locale, '/verify')}>{tv('toComment')}</a>
        </p>
      ) : (
        closed ?? null
      )}
      <CommentThread section={section} locale={locale} />
    </section>
  );
}
