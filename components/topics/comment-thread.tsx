import { getTranslations } from 'next-intl/server';
import type { commentsPage, CommentSort } from '@/db/queries/topics';
import { Pagination } from '@/components/ui/pagination';
import type { Actor, DiscussionPhase } from '@/lib/permissions';
import type { CommentSubjectProp } from './comment-form';
import { CommentItem, type OpenForms } from './comment-item';

/** One page of a discussion (a topic's or a project's): sort form, comments with replies, paging. */
export async function CommentThread({
  comments,
  actor,
  phase,
  subject,
  locale,
  now,
  sort,
  page,
  basePath,
  open = { reply: null, report: null },
}: {
  comments: ReturnType<typeof commentsPage>;
  actor: Actor | null;
  phase: DiscussionPhase;
  subject: CommentSubjectProp;
  locale: string;
  now: Date;
  sort: CommentSort;
  page: number;
  /** the page's path with locale, e.g. "/en/topics/12" */
  basePath: string;
  /** the comment whose reply or report form is shown open (lib/topics/list-params parseCommentParams) */
  open?: OpenForms;
}) {
  const tc = await getTranslations('Comments');
  const hrefFor = (p: number, form?: { kind: 'reply' | 'report'; commentId: number }) => {
    const q = new URLSearchParams();
    if (sort !== 'oldest') q.set('sort', sort);
    if (p > 1) q.set('page', String(p));
    if (form) q.set(form.kind, String(form.commentId));
    const s = q.toString();
    return `${basePath}${s ? `?${s}` : ''}#${form ? `${form.kind === 'reply' ? 'reply' : 'report-comment'}-${form.commentId}` : 'comments'}`;
  };
  // Reply and report forms are rendered for one comment at a time, on request: with a form under every
  // comment, a signed-in page weighed 325 KB and took 45 ms to render (npm run bench).
  const openHref = (kind: 'reply' | 'report', commentId: number) => hrefFor(page, { kind, commentId });
  return (
    <>
      {comments.total > 1 ? (
        <form method="get" action={basePath} className="mb-3 flex items-end gap-2">
          <div>
            <label htmlFor="comment-sort" className="block text-sm font-semibold">{tc('sort')}</label>
            <select id="comment-sort" name="sort" defaultValue={sort} className="min-h-11 rounded border-2 border-stone-500 bg-white px-2">
              <option value="oldest">{tc('sortOldest')}</option>
              <option value="newest">{tc('sortNewest')}</option>
              <option value="supported">{tc('sortSupported')}</option>
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">{tc('apply')}</button>
        </form>
      ) : null}
      {comments.top.length === 0 ? (
        <p>{tc('empty')}</p>
      ) : (
        <ul className="space-y-3">
          {comments.top.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              replies={comments.replies.filter((r) => r.parentId === c.id)}
              actor={actor}
              phase={phase}
              subject={subject}
              locale={locale}
              supported={comments.supported}
              now={now}
              open={open}
              openHref={openHref}
            />
          ))}
        </ul>
      )}
      <Pagination page={page} pages={comments.pages} hrefFor={hrefFor} />
    </>
  );
}
