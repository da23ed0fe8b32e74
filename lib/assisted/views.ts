import { assistedFor } from '@/db/queries/assisted';
import { can } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';
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
