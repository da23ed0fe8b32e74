import { eq, ne, or, type SQL } from 'drizzle-orm';
import { comments } from '@/db/schema';
import { can, moderationScope, type Actor } from '@/lib/permissions';

/**
 * Which comments a reader sees, in SQL: the rule of `can(actor, 'comment.readWithheld', …)` in
 * lib/permissions.ts (tests/integration/views/visibility.test.ts checks them against each other). Visible
 * comments for everyone; hidden ones as a placeholder (their text withheld by `withheldText` below); held
 * ones only for their author and the commune's moderators.
 */
export function readableCommentsSql(actor: Actor | null, communeId: number): SQL | undefined {
  if (moderatesCommune(actor, communeId)) return undefined;
  if (actor) return or(ne(comments.visibility, 'held'), eq(comments.authorId, actor.id));
  return ne(comments.visibility, 'held');
}

/** Does this reader see every withheld comment of the commune (its moderators), not only their own? */
export function moderatesCommune(actor: Actor | null, communeId: number): boolean {
  const scope = moderationScope(actor);
  return scope === 'all' || scope.includes(communeId);
}

/**
 * The text of a hidden comment never leaves the server, except to its author and moderators; nor does its
 * recording (its id, length and transcript), which lib/media/access.ts would refuse them anyway.
 */
export function withheldText<T extends { visibility: string; authorId: number; body: string; voiceId?: number | null }>(rows: T[], actor: Actor | null, communeId: number): T[] {
  return rows.map((r) =>
    r.visibility === 'hidden' && !can(actor, 'comment.readWithheld', { authorId: r.authorId, communeId })
      ? { ...r, body: '', ...(r.voiceId !== undefined ? { voiceId: null, voiceDurationMs: null, voiceTranscript: null } : {}) }
      : r,
  );
}
