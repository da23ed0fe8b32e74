import type { Db } from '@/db/client';
import { createComment } from '@/lib/comments/create-comment';
import { once } from '@/lib/idempotency/once';
import type { Actor } from '@/lib/permissions';

/**
 * A comment posted under an idempotency key, as app/actions/helpers.ts `keyed` does it: the use case in
 * `once`, its id kept, a refusal forgotten. For tests/helpers/at-once.ts (one worker thread per post).
 */
export async function commentOnce(db: Db, actor: Actor, input: { key: string; fields: Record<string, string> }, now: Date) {
  return once(db, { userId: actor.id, key: input.key, scope: 'comments.createCommentAction' }, async () => {
    const r = createComment(db, actor, input.fields, now);
    return { keep: r.ok ? { commentId: r.value.commentId } : null, value: r.ok ? { commentId: r.value.commentId } : { refused: r.error } };
  });
}
