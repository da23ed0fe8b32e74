import { assistedSpaceOf } from '@/db/queries/assisted';
import { findCommentSubject } from '@/lib/comments/subject';
import { commentSection, type CommentSectionView } from '@/lib/comments/views';
import { meetingsSection, type MeetingsSectionView } from '@/lib/meetings/views';
import { allowedOnceVerified, can, isPublicProject } from '@/lib/permissions';
import { projectVoiceOf } from './voice-description';
import { idParam } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';
import { findProject, projectSubject } from './load';
import { coProposersOf, getProjectView, hasSupported, pendingInvitationsOf, progressUpdatesOf, projectRevisionList, projectTimeline } from './queries';
import { mayViewProject } from './readers';
import { ANSWER_TRANSITIONS, effectiveStatus } from './status';
import type { Beneficiary, ProjectStatus } from './statuses';
import { supportSplits, type SupportSplits } from './support-split';
import type { Sector } from '@/lib/topics/sectors';

/**
 * The project page (/projects/[id]), in the topic page's shape: one loader, one section each (header,
 * description, supports, answer, progress updates, public debates, timeline, comments). It returns
 * exactly what the page renders, with the permissions it needs as booleans, and writes nothing: a
 * collection past its end already reads as expired (effectiveStatus); the scheduler writes it.
 */

const NOTICES = ['saved', 'submitted', 'held', 'edited', 'supported', 'unsupported', 'withdrawn', 'answered', 'progress', 'posted', 'deleted', 'reported', 'appealed', 'voiceRecorded', 'voiceHeld', 'voiceRemoved'] as const;
export type ProjectNotice = (typeof NOTICES)[number];

export type ProjectHeaderView = {
  id: number;
  title: string;
  /** as readers live it (an overdue collection reads expired) */
  status: ProjectStatus;
  sector: Sector;
  communeId: number;
  commune: string;
  authorName: string;
  onBehalfOf: string | null;
  /** co-proposers who accepted; a name shows once its owner accepts */
  coProposers: string[];
  /** the connected space where a facilitator entered it for its author */
  assistedAt: string | null;
  location: string;
  estimatedCost: number | null;
  beneficiaries: Beneficiary[];
  /** the numbers and addresses invited that have not accepted: only the proposer, who typed them, sees them */
  invitationsSent: string[];
  revisionCount: number;
  mayEdit: boolean;
  maySubmit: boolean;
};

export type ProjectSupportsView = {
  status: ProjectStatus;
  supportCount: number;
  threshold: number | null;
  collectionEndsAt: string | null;
  supported: boolean;
  /** the support button (to give, or to take back) */
  mayToggle: boolean;
  signInToSupport: boolean;
  /** signed in, not verified yet: supporting waits for the code (issue 12 §2) */
  verifyToSupport: boolean;
  mayWithdraw: boolean;
  /** supporters by gender and age, for the commune's officials (lib/stats/disclosure rules) */
  splits: SupportSplits | null;
};

export type ProjectAnswerView = {
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** the statuses an official may move it to now (the form shows when there are some) */
  options: ProjectStatus[];
  mayAnswer: boolean;
};

export type ProgressUpdateView = {
  id: number;
  happenedOn: string;
  percent: number;
  amountSpent: number | null;
  /** '' when hidden: its text stays on the server */
  body: string;
  author: string;
  /** why it is hidden: reports (their reason) or a moderator (their words) */
  hidden: { byReports: string } | { byModeration: string } | null;
  mayReport: boolean;
};

export type ProjectProgressView = { percent: number; updates: ProgressUpdateView[]; mayPost: boolean; today: string };

export type ProjectTimelineStep = { toStatus: ProjectStatus; createdAt: string; by: { system: true } | { name: string } | null };

export type ProjectCommentsView = CommentSectionView & {
  /** the collection is over: no more comments (the section says so) */
  closed: boolean;
};

export type ProjectPageView = {
  project: { id: number; title: string; problem: string; solution: string; held: boolean; draft: boolean };
  /** issue 13: its voice description (held ones only for its authors and moderators), and whether this reader may record one */
  voice: { recording: { id: number; durationMs: number; transcript: string | null; held: boolean } | null; mayRecord: boolean };
  header: ProjectHeaderView;
  /** null while a draft: nobody supports a draft */
  supports: ProjectSupportsView | null;
  /** null when there is no answer and this reader may not give one */
  answer: ProjectAnswerView | null;
  /** null when there is no update and this reader may not post one */
  progress: ProjectProgressView | null;
  meetings: MeetingsSectionView | null;
  timeline: ProjectTimelineStep[];
  /** null unless the project is public (no comments on drafts nor on held or hidden projects) */
  comments: ProjectCommentsView | null;
  notices: ProjectNotice[];
  /** a message key of "Errors" from the address (?error=), or null */
  error: string | null;
};

type Search = Record<string, string | string[] | undefined>;

/** The project page for this reader; null when there is no such project or it is not theirs to see. */
export function projectPage(ctx: ViewContext, input: { id: string; sp?: Search }): ProjectPageView | null {
  const { db, actor, now } = ctx;
  const projectId = idParam.safeParse(input.id);
  if (!projectId.success) return null;
  const found = findProject(db, projectId.data);
  if (!found || !mayViewProject(db, actor, found, now)) return null;
  const view = getProjectView(db, found.id)!;
  const { project } = view;
  const sp = input.sp ?? {};
  const status = effectiveStatus(project, now);
  const subject = projectSubject(db, project, now);
  const draft = project.status === 'draft';
  const isPublic = isPublicProject(project);

  const supported = actor ? hasSupported(db, project.id, actor.id) : false;
  const internal = can(actor, 'project.viewInternal', { communeId: project.communeId });
  const updates = progressUpdatesOf(db, project.id);
  const mayAnswer = can(actor, 'project.answer', subject);
  const mayPost = can(actor, 'project.postProgress', subject);
  const discussion = findCommentSubject(db, { kind: 'project', id: project.id }, now)!;
  const errorKey = typeof sp.error === 'string' && /^[A-Za-z_]{1,60}$/.test(sp.error) ? sp.error : sp.error ? 'invalid' : null;

  return {
    project: { id: project.id, title: project.title, problem: project.problem, solution: project.solution, held: project.visibility === 'held', draft },
    voice: { recording: projectVoiceOf(db, project.id, actor), mayRecord: can(actor, 'project.edit', subject) },
    header: {
      id: project.id,
      title: project.title,
      status,
      sector: project.sector,
      communeId: project.communeId,
      commune: view.commune,
      authorName: view.authorName,
      onBehalfOf: project.onBehalfOf,
      coProposers: coProposersOf(db, project.id)
        .filter((c) => c.status === 'accepted')
        .map((c) => c.name),
      assistedAt: assistedSpaceOf(db, 'project', project.id),
      location: project.location,
      estimatedCost: project.estimatedCost,
      beneficiaries: project.beneficiaries,
      invitationsSent: actor?.id === project.authorId ? pendingInvitationsOf(db, project.id) : [],
      revisionCount: projectRevisionList(db, project.id).length,
      mayEdit: can(actor, 'project.edit', subject),
      maySubmit: can(actor, 'project.submit', subject),
    },
    supports: draft
      ? null
      : {
          status,
          supportCount: project.supportCount,
          threshold: project.threshold,
          collectionEndsAt: project.collectionEndsAt,
          supported,
          mayToggle: supported ? can(actor, 'project.unsupport', subject) : can(actor, 'project.support', subject),
          signInToSupport: !actor && status === 'collecting',
          verifyToSupport: !supported && allowedOnceVerified(actor, 'project.support', subject),
          mayWithdraw: can(actor, 'project.withdraw', subject),
          splits: internal ? supportSplits(db, project, now) : null,
        },
    answer:
      project.answer || mayAnswer
        ? { answer: project.answer, answeredBy: view.answeredByName, answeredAt: project.answeredAt, options: [...(ANSWER_TRANSITIONS[status] ?? [])], mayAnswer }
        : null,
    progress:
      updates.length || mayPost
        ? {
            percent: project.progressPercent,
            updates: updates.map((u) => ({
              id: u.id,
              happenedOn: u.happenedOn,
              percent: u.percent,
              amountSpent: u.amountSpent,
              body: u.body,
              author: u.author,
              hidden:
                u.visibility !== 'hidden'
                  ? null
                  : u.hiddenReason?.startsWith('report:')
                    ? { byReports: u.hiddenReason.slice(7) }
                    : { byModeration: u.hiddenReason ?? '' },
              mayReport: can(actor, 'content.report', { authorId: u.authorId, isPublic: isPublic && u.visibility === 'visible' }),
            })),
            mayPost,
            today: now.toISOString().slice(0, 10),
          }
        : null,
    meetings: draft ? null : meetingsSection(ctx, { projectId: project.id }),
    timeline: projectTimeline(db, project.id).map((s) => ({
      toStatus: s.toStatus,
      createdAt: s.createdAt,
      by: s.actorId === null ? { system: true as const } : s.actor ? { name: s.actor } : null,
    })),
    comments: isPublic ? { ...commentSection(ctx, discussion, sp), closed: discussion.phase === 'closed' } : null,
    notices: NOTICES.filter((k) => sp[k]),
    error: errorKey === 'not_found' ? 'notFound' : errorKey,
  };
}
