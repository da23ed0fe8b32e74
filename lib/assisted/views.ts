import { assistedFor, commentsToChooseFrom, openTopics, projectsIn } from '@/db/queries/assisted';
import { STANCES, type Stance } from '@/db/schema';
import { communeChoices } from '@/lib/accounts/views';
import { findCommentSubject } from '@/lib/comments/subject';
import { spacesAssistedBy } from '@/lib/participants/views';
import { can, type Actor } from '@/lib/permissions';
import { findProject } from '@/lib/projects/load';
import { DISCUSSION_STATUSES, effectiveStatus } from '@/lib/projects/status';
import { findTopic } from '@/lib/topics/load';
import { idParam } from '@/lib/validation';
import { FORBIDDEN, type Forbidden, type ViewContext } from '@/lib/view-context';
import { choicesOf } from '@/lib/votes/cast-vote';
import type { AssistedKind } from './kinds';

/** One contribution a facilitator entered in the reader's name, as /account/assisted lists it. */
export type AssistedItem = {
  id: number;
  kind: AssistedKind;
  /** the topic's or project's title; null when it is gone */
  subjectTitle: string | null;
  /** where to see it (path without locale, with the comment's anchor); null when it is gone */
  subjectPath: string | null;
  /** a comment's first words */
  excerpt: string | null;
  space: string;
  facilitator: string;
  createdAt: string;
  consentGivenAt: string;
  withdrawnAt: string | null;
  mayWithdraw: boolean;
};

const excerpt = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/** /account/assisted: everything entered on one's behalf, newest first. Null when nobody is signed in. */
export function assistedPage(ctx: ViewContext): { items: AssistedItem[] } | null {
  const actor = ctx.actor;
  if (!actor) return null;
  const items = assistedFor(ctx.db, actor.id).map((a): AssistedItem => {
    const base = a.topicId !== null ? `/topics/${a.topicId}` : a.projectId !== null ? `/projects/${a.projectId}` : null;
    const anchor = a.kind === 'comment' || a.kind === 'comment_support' ? `#comment-${a.subjectId}` : '';
    return {
      id: a.id,
      kind: a.kind,
      subjectTitle: a.topicTitle ?? a.projectTitle ?? null,
      subjectPath: base ? `${base}${anchor}` : null,
      excerpt: a.kind === 'comment' && a.commentBody ? excerpt(a.commentBody) : null,
      space: a.space,
      facilitator: a.facilitator,
      createdAt: a.createdAt,
      consentGivenAt: a.consentGivenAt,
      withdrawnAt: a.withdrawnAt,
      mayWithdraw: can(actor, 'assisted.withdraw', { participantId: actor.id, withdrawn: a.withdrawnAt !== null }),
    };
  });
  return { items };
}

// ---------------------------------------------------------------- the facilitator's assist pages

export type AssistSpace = { id: number; name: string };
export type AssistTarget = { kind: 'topic' | 'project'; id: number };
/** A comment a participant may reply to or support: who wrote it, and its first words. */
export type CommentChoice = { id: number; author: string; excerpt: string };

export type AssistChooser = {
  kind: 'choose';
  spaces: AssistSpace[];
  /** consultations open now, soonest to close first */
  topics: { id: number; title: string; commune: string; closesAt: string }[];
  /** citizen projects still discussed */
  projects: { id: number; title: string; commune: string }[];
};

export type AssistSubject = {
  kind: 'subject';
  spaces: AssistSpace[];
  target: AssistTarget;
  title: string;
  /** where the public reads it (path without locale) */
  publicPath: string;
  /** open for comments (and, on a topic, votes) */
  open: boolean;
  /** top-level comments, to reply to */
  replyTo: CommentChoice[];
  /** every visible comment, to support */
  supportable: CommentChoice[];
  stances: readonly Stance[];
  /** a topic's ballot while it is open: a poll's own options, else for / against / abstain (label null) */
  ballot: { value: string; label: string | null }[] | null;
  /** a project collecting supports */
  mayEnterProjectSupport: boolean;
};

/** Spaces without any to assist at: the page says assisting is for a space's facilitators. */
export type AssistPage = AssistChooser | AssistSubject | { kind: 'noSpace' };

const shortExcerpt = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s).replace(/\s+/g, ' ');

function assistSpaces(ctx: ViewContext, actor: Actor): AssistSpace[] {
  return spacesAssistedBy(ctx, actor).map((s) => ({ id: s.id, name: s.name }));
}

/**
 * /facilitator/assist: choose a public topic or project (`?topic=` / `?project=`), then the forms a
 * facilitator fills in with a participant: comment, vote, support.
 */
export function assistPage(ctx: ViewContext, input: { topic?: unknown; project?: unknown }): AssistPage | Forbidden {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'facilitator.access', undefined)) return FORBIDDEN;
  const spaces = assistSpaces(ctx, actor);
  if (spaces.length === 0) return { kind: 'noSpace' };
  const topicId = idParam.safeParse(input.topic);
  const projectId = idParam.safeParse(input.project);
  const target: AssistTarget | null = topicId.success ? { kind: 'topic', id: topicId.data } : projectId.success ? { kind: 'project', id: projectId.data } : null;
  const subject = target ? findCommentSubject(ctx.db, target, ctx.now) : undefined;
  if (!target || !subject || !subject.isPublic) {
    return {
      kind: 'choose',
      spaces,
      topics: openTopics(ctx.db, ctx.now.toISOString()),
      projects: projectsIn(ctx.db, DISCUSSION_STATUSES)
        .filter((p) => DISCUSSION_STATUSES.includes(effectiveStatus(p, ctx.now)))
        .map((p) => ({ id: p.id, title: p.title, commune: p.commune })),
    };
  }
  const open = subject.phase === 'open';
  const comments = commentsToChooseFrom(ctx.db, target).map((c) => ({ id: c.id, parentId: c.parentId, author: c.author, excerpt: shortExcerpt(c.body) }));
  const choice = ({ id, author, excerpt }: (typeof comments)[number]): CommentChoice => ({ id, author, excerpt });
  const topic = target.kind === 'topic' ? findTopic(ctx.db, target.id)! : null;
  const project = target.kind === 'project' ? findProject(ctx.db, target.id)! : null;
  return {
    kind: 'subject',
    spaces,
    target,
    title: topic?.title ?? project!.title,
    publicPath: `/${target.kind === 'topic' ? 'topics' : 'projects'}/${target.id}`,
    open,
    replyTo: comments.filter((c) => c.parentId === null).map(choice),
    supportable: comments.map(choice),
    stances: STANCES,
    ballot:
      topic && open
        ? topic.pollOptions
          ? topic.pollOptions.map((label, i) => ({ value: `option:${i}`, label }))
          : choicesOf(topic).map((value) => ({ value, label: null }))
        : null,
    mayEnterProjectSupport: !!project && effectiveStatus(project, ctx.now) === 'collecting',
  };
}

/** /facilitator/assist/project: propose a citizen project for a participant. */
export function assistProjectPage(ctx: ViewContext): { spaces: AssistSpace[]; communes: { id: number; name: string }[]; defaultCommuneId: number | null } | Forbidden {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'facilitator.access', undefined)) return FORBIDDEN;
  const spaces = spacesAssistedBy(ctx, actor);
  return { spaces: spaces.map((s) => ({ id: s.id, name: s.name })), communes: communeChoices(ctx), defaultCommuneId: spaces[0]?.communeId ?? null };
}
