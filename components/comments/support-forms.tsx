import { supportCommentAction } from '@/app/actions/comments';
import type { CommentSubjectRef } from '@/lib/comments/subject';

/** The ids of the page's two support forms: a comment's button names one with its `form` attribute. */
export const SUPPORT_FORM = { add: 'comment-support-add', remove: 'comment-support-remove' } as const;

/**
 * One "support" form and one "withdraw support" form for the whole page; each comment's button submits one
 * of them (`form` attribute) with its own commentId (the button's name and value), with or without
 * JavaScript. A form under every comment made 34 forms and 170 hidden fields on a page of 20 comments
 * (npm run bench, bench/results.md).
 */
export function SupportForms({ subject, locale }: { subject: CommentSubjectRef; locale: string }) {
  return (
    <>
      {(['add', 'remove'] as const).map((intent) => (
        <form key={intent} id={SUPPORT_FORM[intent]} action={supportCommentAction}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name={`${subject.kind}Id`} value={subject.id} />
          <input type="hidden" name="intent" value={intent} />
        </form>
      ))}
    </>
  );
}
