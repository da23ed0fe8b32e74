import { appealOf } from '@/db/queries/moderation';
import { allowedOnceVerified, can, type DiscussionPhase } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';
import { parseCommentParams } from './params';
import { commentsPage, stanceCounts, type CommentRow, type CommentSort } from './queries';
import { STANCES, type Stance } from './stances';
import type { CommentSubject, CommentSubjectRef } from './subject';

/** One comment as a reader sees it, with what this reader may do with it. */
export type CommentView = {
  id: number;
  author: string;
  stance: Stance;
  /** '' when deleted, or when hidden by moderation and this reader may not read it */
  body: string;
  isOfficialAnswer: boolean;
  supportCount: number;
  visibility: 'visible' | 'held' | 'hidden';
  deleted: boolean;
  edited: boolean;
  createdAt: string;
  /** the connected space where a facilitator entered it for its author */
  assistedAt: string | null;
  /** a voice comment (issue 13): its recording, heard at /media/<id>.webm, and the transcript a moderator wrote */
  voice: { id: number; durationMs: number; transcript: string | null } | null;
  /** why a hidden comment is hidden: the reports' reason ("spam"…), or the moderator's words */
  hiddenBy: { kind: 'reports' | 'moderation'; reason: string } | null;
  /** the reader's own comment, hidden by moderation: they are told, and may appeal once */
  hiddenForYou: boolean;
  appeal: { state: 'open'; moderationId: number } | { state: 'pending' | 'done' } | null;
  /** the reader supports it */
  supported: boolean;
  mayEdit: boolean;
  mayDelete: boolean;
  maySupport: boolean;
  mayReport: boolean;
  /** the reader asked for its report form (?report=ID): shown open, the others show a link */
  reportOpen: boolean;
};

/** A top-level comment, with its replies (one level) and its reply form. */
export type CommentThreadItem = CommentView & {
  /** the replies shown: REPLIES_SHOWN at most (lib/comments/queries.ts), all when the reader opened the thread */
  replies: CommentView[];
  /** the replies this reader may read, shown or not ("See all N replies" when more than shown) */
  replyTotal: number;
  mayReply: boolean;
  /** the reader asked for its reply form (?reply=ID) */
  replyOpen: boolean;
};

/** The discussion of a topic or a citizen project, one page of it, as this reader sees it. */
export type CommentSectionView = {
  subject: CommentSubjectRef;
  /** the discussion's phase: 'open' while comments are taken (a project's: 'open' or 'closed') */
  phase: DiscussionPhase;
  /** top-level comments this reader sees, over every page */
  total: number;
  page: number;
  pages: number;
  sort: CommentSort;
  /** stance counts of visible comments, every stance in order */
  stances: { stance: Stance; count: number }[];
  mayComment: boolean;
  /** signed in, not verified yet: the form waits for the code (issue 12 §2) */
  verifyToComment: boolean;
  comments: CommentThreadItem[];
};

/**
 * A subject's discussion (topic or project: lib/comments/subject.ts findCommentSubject or
 * topicAsCommentSubject), the page the query string asks for (?sort, ?page, ?reply, ?report). Held
 * comments only for their author and moderators, hidden ones' text withheld (lib/comments/visibility.ts).
 */
export function commentSection(ctx: ViewContext, subject: CommentSubject, sp: Record<string, string | string[] | undefined>): CommentSectionView {
  const { db, actor, now } = ctx;
  const ref: CommentSubjectRef = { kind: subject.kind, id: subject.id };
  const params = parseCommentParams(sp);
  const page = commentsPage(db, ref, subject.communeId, params.sort, params.page, actor, params.open.replies);
  const phase = subject.phase;
  const counts = stanceCounts(db, ref);

  const view = (c: CommentRow): CommentView => {
    const deleted = !!c.deletedAt;
    const hidden = c.visibility === 'hidden';
    const own = !!actor && actor.id === c.authorId;
    const hiddenForYou = hidden && own;
    const appeal = hiddenForYou && c.moderationId ? appealOf(db, { moderationId: c.moderationId }) : undefined;
    return {
      id: c.id,
      author: c.author,
      stance: c.stance,
      body: deleted ? '' : c.body,
      isOfficialAnswer: c.isOfficialAnswer,
      supportCount: c.supportCount,
      visibility: c.visibility,
      deleted,
      edited: !!c.editedAt,
      createdAt: c.createdAt,
      assistedAt: c.assistedAt,
      voice: !deleted && c.voiceId !== null && c.voiceDurationMs !== null ? { id: c.voiceId, durationMs: c.voiceDurationMs, transcript: c.voiceTranscript } : null,
      hiddenBy: hidden
        ? c.hiddenReason?.startsWith('report:')
          ? { kind: 'reports', reason: c.hiddenReason.slice(7) }
          : { kind: 'moderation', reason: c.hiddenReason ?? '' }
        : null,
      hiddenForYou,
      appeal: !hiddenForYou || !c.moderationId ? null : appeal ? { state: appeal.state === 'pending' ? 'pending' : 'done' } : { state: 'open', moderationId: c.moderationId },
      supported: page.supported.has(c.id),
      mayEdit: can(actor, 'comment.edit', { authorId: c.authorId, createdAt: c.createdAt, deleted, phase, now, hidden }),
      mayDelete: can(actor, 'comment.delete', { authorId: c.authorId, deleted }),
      maySupport: !deleted && c.visibility === 'visible' && can(actor, 'comment.support', { authorId: c.authorId, phase }),
      mayReport: !deleted && c.visibility === 'visible' && can(actor, 'content.report', { authorId: c.authorId, isPublic: subject.isPublic }),
      reportOpen: params.open.report === c.id,
    };
  };

  const mayComment = can(actor, 'comment.create', { phase });
  return {
    subject: ref,
    phase,
    total: page.total,
    page: params.page,
    pages: page.pages,
    sort: params.sort,
    stances: STANCES.map((stance) => ({ stance, count: counts.get(stance) ?? 0 })),
    mayComment,
    verifyToComment: allowedOnceVerified(actor, 'comment.create', { phase }),
    comments: page.top.map((c) => ({
      ...view(c),
      replies: page.replies.filter((r) => r.parentId === c.id).map(view),
      replyTotal: page.replyTotals.get(c.id) ?? 0,
      mayReply: mayComment && !c.deletedAt,
      replyOpen: params.open.reply === c.id,
    })),
  };
}

