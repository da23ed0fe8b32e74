import { getFormatter, getTranslations } from 'next-intl/server';
import { deleteCommentAction, editCommentAction, supportCommentAction } from '@/app/actions/participation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { STANCES, type Stance } from '@/db/schema';
import { COMMENT_MAX } from '@/lib/comments/schemas';
import { can, type Actor, type DiscussionPhase } from '@/lib/permissions';
import { CommentForm, type CommentSubjectProp } from './comment-form';
import { AssistedBadge } from '@/components/facilitator/assisted-badge';
import { AppealForm } from '@/components/moderation/appeal-form';
import { ReportForm } from '@/components/moderation/report-form';
import { getDb } from '@/db/client';
import { appealOf } from '@/db/queries/moderation';
import { localePath, type Locale } from '@/lib/i18n/config';

export type CommentRow = {
  id: number;
  parentId: number | null;
  authorId: number;
  author: string;
  stance: Stance;
  body: string;
  isOfficialAnswer: boolean;
  supportCount: number;
  visibility: string;
  deletedAt: string | null;
  editedAt: string | null;
  createdAt: string;
  moderationId?: number | null;
  hiddenReason?: string | null;
  /** entered by a facilitator for its author at this connected space */
  assistedAt?: string | null;
};

const STANCE_STYLE: Record<Stance, string> = {
  for: 'bg-green-100 text-green-900',
  against: 'bg-red-100 text-red-900',
  neutral: 'bg-stone-200 text-stone-900',
  question: 'bg-sky-100 text-sky-900',
};
const STANCE_ICON: Record<Stance, string> = { for: '👍', against: '👎', neutral: '•', question: '?' };

/** The one comment whose reply form, and the one whose report form, is open (?reply=ID, ?report=ID). */
export type OpenForms = { reply: number | null; report: number | null };
/** The link that opens a form under a comment: the same page, with ?reply=ID or ?report=ID. */
type OpenHref = (kind: 'reply' | 'report', commentId: number) => string;
const NONE_OPEN: OpenForms = { reply: null, report: null };

export async function CommentItem({
  comment,
  replies,
  actor,
  phase,
  subject,
  locale,
  supported,
  now,
  open = NONE_OPEN,
  openHref,
}: {
  comment: CommentRow;
  replies: CommentRow[];
  actor: Actor | null;
  phase: DiscussionPhase;
  subject: CommentSubjectProp;
  locale: string;
  supported: Set<number>;
  now: Date;
  open?: OpenForms;
  openHref: OpenHref;
}) {
  const t = await getTranslations('Comments');
  return (
    <li id={`comment-${comment.id}`} className="rounded border border-stone-300 bg-white p-3">
      <CommentBody comment={comment} actor={actor} phase={phase} subject={subject} locale={locale} supported={supported} now={now} open={open} openHref={openHref} />
      {replies.length > 0 ? (
        <ul className="mt-3 space-y-2 border-l-4 border-stone-200 pl-3" aria-label={t('replies', { count: replies.length })}>
          {replies.map((r) => (
            <li key={r.id} id={`comment-${r.id}`}>
              <CommentBody comment={r} actor={actor} phase={phase} subject={subject} locale={locale} supported={supported} now={now} open={open} openHref={openHref} />
            </li>
          ))}
        </ul>
      ) : null}
      {can(actor, 'comment.create', { phase }) && !comment.deletedAt ? (
        open.reply === comment.id ? (
          <div className="mt-2">
            <CommentForm subject={subject} parentId={comment.id} locale={locale} legend={t('replyTo', { name: comment.author })} submit={t('replySubmit')} formId={`reply-${comment.id}`} />
          </div>
        ) : (
          <p className="mt-2">
            <a href={openHref('reply', comment.id)} className="inline-block min-h-11 py-2 font-semibold text-teal-900">{t('reply')}</a>
          </p>
        )
      ) : null}
    </li>
  );
}

async function CommentBody({
  comment,
  actor,
  phase,
  subject,
  locale,
  supported,
  now,
  open,
  openHref,
}: {
  comment: CommentRow;
  actor: Actor | null;
  phase: DiscussionPhase;
  subject: CommentSubjectProp;
  locale: string;
  supported: Set<number>;
  now: Date;
  open: OpenForms;
  openHref: OpenHref;
}) {
  const t = await getTranslations('Comments');
  const ts = await getTranslations('Stances');
  const tc = await getTranslations('Common');
  const th = await getTranslations('Hidden');
  const tr = await getTranslations('Report');
  const format = await getFormatter();
  const deleted = !!comment.deletedAt;
  const returnPath = localePath(locale as Locale, `/${subject.kind === 'topic' ? 'topics' : 'projects'}/${subject.id}`);
  const appeal = comment.visibility === 'hidden' && actor?.id === comment.authorId && comment.moderationId ? appealOf(getDb(), { moderationId: comment.moderationId }) : undefined;
  const mayEdit = can(actor, 'comment.edit', { authorId: comment.authorId, createdAt: comment.createdAt, deleted, phase, now, hidden: comment.visibility === 'hidden' });
  const mayDelete = can(actor, 'comment.delete', { authorId: comment.authorId, deleted });
  const maySupport = !deleted && comment.visibility === 'visible' && can(actor, 'comment.support', { authorId: comment.authorId, phase });
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name={`${subject.kind}Id`} value={subject.id} />
      <input type="hidden" name="commentId" value={comment.id} />
    </>
  );
  return (
    <article>
      <p className="mb-1 flex flex-wrap items-center gap-2 text-sm">
        <strong className="text-base">{comment.author}</strong>
        {!deleted ? (
          <span className={`rounded px-2 py-0.5 font-semibold ${STANCE_STYLE[comment.stance]}`}>
            <span aria-hidden="true">{STANCE_ICON[comment.stance]} </span>
            {ts(comment.stance)}
          </span>
        ) : null}
        {comment.isOfficialAnswer ? <span className="rounded bg-teal-800 px-2 py-0.5 font-semibold text-white">{t('officialAnswer')}</span> : null}
        <span className="text-stone-700">{t('postedOn', { date: format.dateTime(new Date(comment.createdAt), 'long') })}</span>
        {comment.editedAt && !deleted ? <span className="text-stone-700">({t('edited')})</span> : null}
        {comment.assistedAt && !deleted ? <AssistedBadge space={comment.assistedAt} /> : null}
      </p>
      {comment.visibility === 'held' ? <p className="mb-1 text-sm font-semibold text-amber-900">{t('awaitingReview')}</p> : null}
      {comment.visibility === 'hidden' ? (
        <p className="mb-1 rounded bg-stone-100 p-2 text-sm font-semibold text-stone-800">
          {comment.hiddenReason?.startsWith('report:')
            ? th('byReports', { reason: tr(comment.hiddenReason.slice(7) as 'spam') })
            : th('byModeration', { reason: comment.hiddenReason ?? '' })}
        </p>
      ) : null}
      {comment.visibility === 'hidden' && actor?.id === comment.authorId ? <p className="mb-1 text-sm text-red-900">{t('hiddenForYou')}</p> : null}
      {deleted ? (
        <p className="italic text-stone-700">{t('deleted')}</p>
      ) : comment.body ? (
        <p className="whitespace-pre-line break-words">{comment.body}</p>
      ) : null}
      {comment.visibility === 'hidden' && actor?.id === comment.authorId && comment.moderationId ? (
        appeal ? (
          <p className="text-sm font-semibold">{appeal.state === 'pending' ? th('appealPending') : th('appealDone')}</p>
        ) : (
          <AppealForm locale={locale} moderationId={comment.moderationId} next={`${returnPath}#comment-${comment.id}`} />
        )
      ) : null}
      {!deleted && comment.visibility === 'visible' && actor && actor.id !== comment.authorId ? (
        open.report === comment.id ? (
          <ReportForm locale={locale} contentType="comment" contentId={comment.id} next={`${returnPath}#comment-${comment.id}`} open />
        ) : (
          <p className="mt-1">
            <a href={openHref('report', comment.id)} className="inline-block min-h-11 py-2 text-sm text-stone-800">{tr('summary')}</a>
          </p>
        )
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        {!deleted ? <span>{t('supports', { count: comment.supportCount })}</span> : null}
        {maySupport ? (
          <form action={supportCommentAction}>
            {hidden}
            <input type="hidden" name="intent" value={supported.has(comment.id) ? 'remove' : 'add'} />
            <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">
              {supported.has(comment.id) ? t('unsupport') : t('support')}
            </button>
          </form>
        ) : null}
      </div>
      {mayEdit ? (
        <details className="mt-2">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-teal-900">{t('edit')}</summary>
          <ActionForm action={editCommentAction} id={`edit-${comment.id}`} fieldPrefix={`edit-${comment.id}`}>
            <Hidden name="locale" value={locale} />
            <Hidden name={`${subject.kind}Id`} value={String(subject.id)} />
            <Hidden name="commentId" value={String(comment.id)} />
            <RadioGroup name="stance" legend={t('stance')} defaultValue={comment.stance} options={STANCES.map((s) => ({ value: s, label: ts(s) }))} />
            <TextArea name="body" label={t('body')} rows={4} maxLength={COMMENT_MAX} defaultValue={comment.body} />
            <SubmitButton pendingLabel={tc('saving')}>{t('editSubmit')}</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {mayDelete ? (
        <details className="mt-1">
          <summary className="min-h-11 cursor-pointer py-2 text-sm text-red-900">{t('delete')}</summary>
          <form action={deleteCommentAction}>
            {hidden}
            <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">
              {t('deleteConfirm')}
            </button>
          </form>
        </details>
      ) : null}
    </article>
  );
}
