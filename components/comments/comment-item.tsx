import { getFormatter, getTranslations } from 'next-intl/server';
import { deleteCommentAction, editCommentAction, supportCommentAction } from '@/app/actions/comments';
import { AssistedBadge } from '@/components/facilitator/assisted-badge';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup, TextArea } from '@/components/forms/fields';
import { AudioPlayer, recordingUrl } from '@/components/media/audio-player';
import { AppealForm } from '@/components/moderation/appeal-form';
import { ReportForm } from '@/components/moderation/report-form';
import { COMMENT_MAX } from '@/lib/comments/schemas';
import { STANCES, type Stance } from '@/lib/comments/stances';
import { subjectPath, type CommentSubjectRef } from '@/lib/comments/subject';
import type { CommentThreadItem, CommentView } from '@/lib/comments/views';
import { localePath, type Locale } from '@/lib/i18n/config';
import { CommentForm } from './comment-form';
import { PostForm } from '@/components/forms/post-form';

const STANCE_STYLE: Record<Stance, string> = {
  for: 'bg-green-100 text-green-900',
  against: 'bg-red-100 text-red-900',
  neutral: 'bg-stone-200 text-stone-900',
  question: 'bg-sky-100 text-sky-900',
};

/** The link that opens a form or a whole thread under a comment: the same page, with ?reply=ID, ?report=ID or ?replies=ID. */
export type OpenHref = (kind: 'reply' | 'report' | 'replies', commentId: number) => string;

type Shared = { subject: CommentSubjectRef; locale: Locale; openHref: OpenHref };

/** A top-level comment, its replies, and its reply link or form. */
export async function CommentItem({ comment, ...shared }: Shared & { comment: CommentThreadItem }) {
  const t = await getTranslations('Comments');
  return (
    <li id={`comment-${comment.id}`} className="rounded border border-stone-300 bg-white p-3">
      <CommentBody comment={comment} {...shared} />
      {comment.replies.length > 0 ? (
        <ul className="mt-3 space-y-2 border-l-4 border-stone-200 pl-3" aria-label={t('replies', { count: comment.replies.length })}>
          {comment.replies.map((r) => (
            <li key={r.id} id={`comment-${r.id}`}>
              <CommentBody comment={r} {...shared} />
            </li>
          ))}
        </ul>
      ) : null}
      {comment.replyTotal > comment.replies.length ? (
        <p className="mt-2">
          <a href={shared.openHref('replies', comment.id)} className="inline-block min-h-11 py-2 font-semibold text-teal-900">{t('allReplies', { count: comment.replyTotal })}</a>
        </p>
      ) : null}
      {comment.mayReply ? (
        comment.replyOpen ? (
          <div className="mt-2">
            <CommentForm subject={shared.subject} parentId={comment.id} locale={shared.locale} legend={t('replyTo', { name: comment.author })} submit={t('replySubmit')} formId={`reply-${comment.id}`} />
          </div>
        ) : (
          <p className="mt-2">
            <a href={shared.openHref('reply', comment.id)} className="inline-block min-h-11 py-2 font-semibold text-teal-900">{t('reply')}</a>
          </p>
        )
      ) : null}
    </li>
  );
}

async function CommentBody({ comment, subject, locale, openHref }: Shared & { comment: CommentView }) {
  const t = await getTranslations('Comments');
  const tStance = await getTranslations('Stances');
  const tCommon = await getTranslations('Common');
  const tHidden = await getTranslations('Hidden');
  const tReport = await getTranslations('Report');
  const tVoice = await getTranslations('Voice');
  const format = await getFormatter();
  const deleted = comment.deleted;
  const back = `${localePath(locale, subjectPath(subject))}#comment-${comment.id}`;
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
          // The stance's mark is drawn by the stylesheet (.stance-mark, app/globals.css): an SVG shape, not an
          // emoji (an empty box on phones without colour emoji), and no bytes per comment.
          <span className={`stance-mark stance-${comment.stance} rounded px-2 py-0.5 font-semibold ${STANCE_STYLE[comment.stance]}`}>
            {tStance(comment.stance)}
          </span>
        ) : null}
        {comment.isOfficialAnswer ? <span className="rounded bg-teal-800 px-2 py-0.5 font-semibold text-white">{t('officialAnswer')}</span> : null}
        <span className="text-stone-700">{t('postedOn', { date: format.dateTime(new Date(comment.createdAt), 'long') })}</span>
        {comment.edited && !deleted ? <span className="text-stone-700">({t('edited')})</span> : null}
        {comment.assistedAt && !deleted ? <AssistedBadge space={comment.assistedAt} /> : null}
      </p>
      {comment.visibility === 'held' ? <p className="mb-1 text-sm font-semibold text-amber-900">{t('awaitingReview')}</p> : null}
      {comment.hiddenBy ? (
        <p className="mb-1 rounded bg-stone-100 p-2 text-sm font-semibold text-stone-800">
          {comment.hiddenBy.kind === 'reports'
            ? tHidden('byReports', { reason: tReport(comment.hiddenBy.reason as 'spam') })
            : tHidden('byModeration', { reason: comment.hiddenBy.reason })}
        </p>
      ) : null}
      {comment.hiddenForYou ? <p className="mb-1 text-sm text-red-900">{t('hiddenForYou')}</p> : null}
      {deleted ? (
        <p className="italic text-stone-700">{t('deleted')}</p>
      ) : comment.body ? (
        <p className="whitespace-pre-line break-words">{comment.body}</p>
      ) : null}
      {comment.voice ? (
        <AudioPlayer
          id={`voice-${comment.id}`}
          src={recordingUrl(comment.voice.id)}
          durationMs={comment.voice.durationMs}
          label={t('voiceMessage')}
          transcript={comment.voice.transcript ? { label: tVoice('transcript'), text: comment.voice.transcript } : null}
        />
      ) : null}
      {comment.appeal ? (
        comment.appeal.state === 'open' ? (
          <AppealForm locale={locale} moderationId={comment.appeal.moderationId} next={back} />
        ) : (
          <p className="text-sm font-semibold">{comment.appeal.state === 'pending' ? tHidden('appealPending') : tHidden('appealDone')}</p>
        )
      ) : null}
      {comment.mayReport ? (
        comment.reportOpen ? (
          <ReportForm locale={locale} contentType="comment" contentId={comment.id} next={back} open />
        ) : (
          <p className="mt-1">
            <a href={openHref('report', comment.id)} className="inline-block min-h-11 py-2 text-sm text-stone-800">{tReport('summary')}</a>
          </p>
        )
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        {!deleted ? <span>{t('supports', { count: comment.supportCount })}</span> : null}
        {comment.maySupport ? (
          <PostForm action={supportCommentAction}>
            {hidden}
            <input type="hidden" name="intent" value={comment.supported ? 'remove' : 'add'} />
            <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">
              {comment.supported ? t('unsupport') : t('support')}
            </button>
          </PostForm>
        ) : null}
      </div>
      {comment.mayEdit ? (
        <details className="mt-2">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-teal-900">{t('edit')}</summary>
          <ActionForm action={editCommentAction} id={`edit-${comment.id}`} fieldPrefix={`edit-${comment.id}`}>
            <Hidden name="locale" value={locale} />
            <Hidden name={`${subject.kind}Id`} value={String(subject.id)} />
            <Hidden name="commentId" value={String(comment.id)} />
            <RadioGroup name="stance" legend={t('stance')} defaultValue={comment.stance} options={STANCES.map((s) => ({ value: s, label: tStance(s) }))} />
            <TextArea name="body" label={t('body')} rows={4} maxLength={COMMENT_MAX} defaultValue={comment.body} />
            <SubmitButton pendingLabel={tCommon('saving')}>{t('editSubmit')}</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {comment.mayDelete ? (
        <details className="mt-1">
          <summary className="min-h-11 cursor-pointer py-2 text-sm text-red-900">{t('delete')}</summary>
          <PostForm action={deleteCommentAction}>
            {hidden}
            <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">
              {t('deleteConfirm')}
            </button>
          </PostForm>
        </details>
      ) : null}
    </article>
  );
}
