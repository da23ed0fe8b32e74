import { z } from 'zod';
import { COMMENT_SORTS, type CommentSort } from './queries';

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const commentId = z.coerce.number().int().positive().max(1e12).nullable().catch(null);

/**
 * The one comment whose reply form, the one whose report form, and the one whose replies are all shown
 * (?reply=ID, ?report=ID, ?replies=ID).
 */
export type OpenForms = { reply: number | null; report: number | null; replies: number | null };
export type CommentParams = { sort: CommentSort; page: number; open: OpenForms };

/** A discussion's query string (?sort, ?page, ?reply, ?report, ?replies): anything malformed is ignored, never an error page. */
export function parseCommentParams(sp: Search): CommentParams {
  return {
    sort: z.enum(COMMENT_SORTS).catch('oldest').parse(first(sp.sort) ?? 'oldest'),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(sp.page) ?? 1),
    /** the one comment whose reply or report form is open: the others show a link */
    open: {
      reply: commentId.parse(first(sp.reply) ?? null),
      report: commentId.parse(first(sp.report) ?? null),
      replies: commentId.parse(first(sp.replies) ?? null),
    },
  };
}
