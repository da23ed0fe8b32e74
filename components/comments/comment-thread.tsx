import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { subjectPath } from '@/lib/comments/subject';
import type { CommentSectionView } from '@/lib/comments/views';
import { localePath, type Locale } from '@/lib/i18n/config';
import { CommentItem } from './comment-item';

/** One page of a discussion (a topic's or a project's): sort form, comments with replies, paging. */
export async function CommentThread({ section, locale }: { section: CommentSectionView; locale: Locale }) {
  const t = await getTranslations('Comments');
  const { subject, sort, page } = section;
  const basePath = localePath(locale, subjectPath(subject));
  const anchor = { reply: 'reply', report: 'report-comment', replies: 'comment' } as const;
  const hrefFor = (p: number, form?: { kind: 'reply' | 'report' | 'replies'; commentId: number }) => {
    const q = new URLSearchParams();
    if (sort !== 'oldest') q.set('sort', sort);
    if (p > 1) q.set('page', String(p));
    if (form) q.set(form.kind, String(form.commentId));
    const s = q.toString();
    return `${basePath}${s ? `?${s}` : ''}#${form ? `${anchor[form.kind]}-${form.commentId}` : 'comments'}`;
  };
  // Reply and report forms are rendered for one comment at a time, on request: with a form under every
  // comment, a signed-in page weighed 325 KB and took 45 ms to render (npm run bench).
  const openHref = (kind: 'reply' | 'report' | 'replies', commentId: number) => hrefFor(page, { kind, commentId });
  return (
    <>
      {section.total > 1 ? (
        <form method="get" action={basePath} className="mb-3 flex items-end gap-2">
          <div>
            <label htmlFor="comment-sort" className="block text-sm font-semibold">{t('sort')}</label>
            <select id="comment-sort" name="sort" defaultValue={sort} className="min-h-11 rounded border-2 border-stone-500 bg-white px-2">
              <option value="oldest">{t('sortOldest')}</option>
              <option value="newest">{t('sortNewest')}</option>
              <option value="supported">{t('sortSupported')}</option>
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">{t('apply')}</button>
        </form>
      ) : null}
      {section.comments.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="space-y-3">
          {section.comments.map((c) => (
            <CommentItem key={c.id} comment={c} subject={subject} locale={locale} openHref={openHref} />
          ))}
        </ul>
      )}
      <Pagination page={page} pages={section.pages} hrefFor={hrefFor} />
    </>
  );
}
