import { z } from 'zod';
import { listCommunes } from '@/db/queries/geography';
import { listTerms, moderationLog, moderationQueue, moderationStats, pendingAppeals, reportsByReason } from '@/db/queries/moderation';
import type { AuditRowView } from '@/lib/admin/views';
import { can, moderationScope, type Actor } from '@/lib/permissions';
import { idParam } from '@/lib/validation';
import { FORBIDDEN, type Forbidden, type ViewContext } from '@/lib/view-context';
import { appealSubject } from './appeals';
import { moderationSubject } from './moderate-content';
import { moderatable } from './registry';
import { PERMANENT } from './sanctions';
import { moderationRules, type ModerationRules } from './settings';
import { suspiciousPatterns, type SuspiciousPatterns } from './suspicious-patterns';
import { moderationUserView, type SanctionAbout } from './user-view';
import { CONTENT_TYPES, HOLD_REASONS, PREMODERATION_MODES, REPORT_REASONS, TERM_LANGUAGES, VOICE_MODES, type ContentType, type PremoderationMode, type ReportReason, type TermLanguage, type VoiceMode } from './values';
import { termsAwaitingReview } from './wordlists';

/** What every moderation page shows in its menu: the settings are admins' only. */
type ModerationArea = { mayConfigure: boolean };

/** The moderation area is for moderators and admins (not suspended); each page then keeps to their communes. */
function moderator(ctx: ViewContext): Actor | null {
  return ctx.actor && can(ctx.actor, 'moderation.access', undefined) ? ctx.actor : null;
}
const area = (actor: Actor): ModerationArea => ({ mayConfigure: can(actor, 'moderation.configure', undefined) });

// ---------------------------------------------------------------- the queue

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;
export const QUEUE_AGES = [1, 3, 7, 30] as const;

const queueFiltersSchema = z.object({
  commune: z.coerce.number().int().positive().optional().catch(undefined),
  type: z.enum(CONTENT_TYPES).optional().catch(undefined),
  reason: z.enum([...REPORT_REASONS, ...HOLD_REASONS]).optional().catch(undefined),
  age: z.coerce.number().int().min(1).max(365).optional().catch(undefined),
});

export type QueueFilters = { communeId?: number; type?: ContentType; reason?: ReportReason | (typeof HOLD_REASONS)[number]; olderThanDays?: number };

/** Which acts make sense on an item, as the queue offers them (the use case checks again). */
export type QueueActions = { approve: boolean; dismiss: boolean; restore: boolean; hide: boolean };

export type QueueItem = {
  /** the moderation record */
  id: number;
  contentType: ContentType;
  contentId: number;
  commune: string;
  createdAt: string;
  /**
   * official content that reached the report threshold (never hidden by reports: first in the queue),
   * hidden at the report threshold (by nobody), held by screening, reported, or hidden by a moderator
   */
  status: 'escalated' | 'autoHidden' | 'held' | 'reported' | 'hidden';
  holdReason: string | null;
  reportCount: number;
  reasons: { reason: string; n: number }[];
  /** its text (the first 1,500 characters); null when the content is gone */
  text: string | null;
  author: string;
  authorId: number;
  /** where it is shown (path without locale), when it still exists */
  path: string | null;
  /** entered by a facilitator: where, and by whom */
  assisted: { space: string; facilitator: string | null } | null;
  /** this moderator may act on it (no conflict of interest); else the page says why not */
  mayAct: boolean;
  actions: QueueActions;
  /** issue 13: the recording to listen to (a voice comment, a spoken summary…), and its transcript */
  recording: { id: number; durationMs: number; transcript: string | null } | null;
};

export type QueuePage = ModerationArea & {
  filters: QueueFilters;
  /** the communes in this moderator's scope, for the filter */
  communes: { id: number; name: string }[];
  items: QueueItem[];
  /** patterns that look like sock puppets, for a person to look into (Baro acts on none of them) */
  suspicious: SuspiciousPatterns;
};

/**
 * /moderation: what awaits a decision in this moderator's communes, oldest first (reported official
 * content first of all), filtered; and the suspicious patterns of these communes.
 */
export function moderationQueuePage(ctx: ViewContext, input: Record<string, unknown>): QueuePage | Forbidden {
  const actor = moderator(ctx);
  if (!actor) return FORBIDDEN;
  const f = queueFiltersSchema.parse({ commune: one(input.commune), type: one(input.type), reason: one(input.reason), age: one(input.age) });
  const filters: QueueFilters = { communeId: f.commune, type: f.type, reason: f.reason, olderThanDays: f.age };
  const scope = moderationScope(actor);
  const rows = moderationQueue(ctx.db, { ...filters, communes: scope, nowIso: ctx.now.toISOString() });
  const reasons = reportsByReason(ctx.db, rows.map((i) => i.id));
  const items = rows.map((row): QueueItem => {
    const content = moderatable(row.contentType)?.load(ctx.db, row.contentId);
    const autoHidden = row.state === 'hidden' && row.hiddenBy === null;
    const reported = row.reportCount > 0;
    return {
      id: row.id,
      contentType: row.contentType,
      contentId: row.contentId,
      commune: row.commune,
      createdAt: row.createdAt,
      status: row.escalatedAt ? 'escalated' : autoHidden ? 'autoHidden' : row.state === 'held' ? 'held' : reported ? 'reported' : 'hidden',
      holdReason: row.holdReason,
      reportCount: row.reportCount,
      reasons: reasons.get(row.id) ?? [],
      text: content ? content.text.slice(0, 1500) : null,
      author: row.author,
      authorId: row.authorId,
      path: content?.path ?? null,
      assisted: row.assistedAt ? { space: row.assistedAt, facilitator: row.assistedBy } : null,
      mayAct: !!content && can(actor, 'content.moderate', moderationSubject(content)),
      recording: content?.recording ?? null,
      actions: {
        approve: row.state === 'held',
        dismiss: reported || autoHidden,
        restore: row.state === 'hidden' && !autoHidden,
        hide: row.state !== 'hidden' || autoHidden,
      },
    };
  });
  const communes = listCommunes(ctx.db)
    .filter((c) => scope === 'all' || scope.includes(c.id))
    .map((c) => ({ id: c.id, name: c.name }));
  return { ...area(actor), filters, communes, items, suspicious: suspiciousPatterns(ctx, scope) };
}

// ---------------------------------------------------------------- appeals, log, settings, terms

export type AppealItem = {
  id: number;
  appellant: string;
  createdAt: string;
  originalModerator: string | null;
  /** against a suspension (its reason) or the hiding of content (its type, id and public reason) */
  about: { kind: 'suspension'; reason: string | null } | { kind: 'content'; contentType: string | null; contentId: number | null; reason: string | null };
  text: string;
  /** this moderator may settle it (not the one who decided, not the appellant, no conflict) */
  mayDecide: boolean;
};

/** /moderation/appeals: appeals waiting for a decision, in this moderator's communes, oldest first. */
export function appealsPage(ctx: ViewContext): (ModerationArea & { items: AppealItem[] }) | Forbidden {
  const actor = moderator(ctx);
  if (!actor) return FORBIDDEN;
  const items = pendingAppeals(ctx.db, moderationScope(actor)).map((a): AppealItem => {
    const subject = appealSubject(ctx.db, a)?.subject;
    return {
      id: a.id,
      appellant: a.appellant,
      createdAt: a.createdAt,
      originalModerator: a.originalModerator,
      about: a.sanctionId ? { kind: 'suspension', reason: a.sanctionReason } : { kind: 'content', contentType: a.contentType, contentId: a.contentId, reason: a.hiddenReason },
      text: a.text,
      mayDecide: !!subject && can(actor, 'appeal.decide', subject),
    };
  });
  return { ...area(actor), items };
}

/** /moderation/log: the moderation acts of this moderator's communes (and the region's terms), newest first. */
export function moderationLogPage(ctx: ViewContext): (ModerationArea & { rows: AuditRowView[] }) | Forbidden {
  const actor = moderator(ctx);
  if (!actor) return FORBIDDEN;
  return { ...area(actor), rows: moderationLog(ctx.db, moderationScope(actor)) };
}

export type SettingsPage = { communes: { id: number; name: string; rules: ModerationRules }[]; modes: readonly PremoderationMode[]; voiceModes: readonly VoiceMode[] };

/** /moderation/settings: each commune's pre-moderation and report threshold. Admins only. */
export function moderationSettingsPage(ctx: ViewContext): SettingsPage | Forbidden {
  const actor = moderator(ctx);
  if (!actor || !can(actor, 'moderation.configure', undefined)) return FORBIDDEN;
  return {
    communes: listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name, rules: moderationRules(ctx.db, c.id) })),
    modes: PREMODERATION_MODES,
    voiceModes: VOICE_MODES,
  };
}

export type TermsPage = ModerationArea & {
  /** the region's terms and those of this moderator's communes; each removable where they may manage terms */
  terms: { id: number; term: string; language: TermLanguage; commune: string | null; mayRemove: boolean }[];
  /** where a new term may apply: the whole region (communeId null) and/or communes */
  scopes: { communeId: number | null; name: string | null }[];
  languages: readonly TermLanguage[];
  /** built-in terms still waiting for a speaker's review */
  toReview: ReturnType<typeof termsAwaitingReview>;
};

/** /moderation/terms: the screening terms moderators add, in their scope. */
export function termsPage(ctx: ViewContext): TermsPage | Forbidden {
  const actor = moderator(ctx);
  if (!actor) return FORBIDDEN;
  const terms = listTerms(ctx.db, moderationScope(actor)).map((t) => ({
    id: t.id,
    term: t.term,
    language: t.language,
    commune: t.commune,
    mayRemove: can(actor, 'moderation.manageTerm', { communeId: t.communeId }),
  }));
  const scopes = [
    ...(can(actor, 'moderation.manageTerm', { communeId: null }) ? [{ communeId: null, name: null }] : []),
    ...listCommunes(ctx.db)
      .filter((c) => can(actor, 'moderation.manageTerm', { communeId: c.id }))
      .map((c) => ({ communeId: c.id, name: c.name })),
  ];
  return { ...area(actor), terms, scopes, languages: TERM_LANGUAGES, toReview: termsAwaitingReview() };
}

/** /moderation/stats: public, aggregate counts only, so anyone can check that moderation is fair. */
export function moderationStatsPage(ctx: ViewContext) {
  return moderationStats(ctx.db);
}

// ---------------------------------------------------------------- a person's history

export type ModerationUserPage = ModerationArea & {
  user: { id: number; displayName: string };
  sanctions: { id: number; kind: 'warning' | 'suspension'; reason: string; createdAt: string; until: string | null; lifted: boolean; moderator: string }[];
  /** their latest comments in this moderator's communes, any state */
  recent: { id: number; body: string; visibility: 'visible' | 'held' | 'hidden'; createdAt: string; path: string }[];
  records: { contentType: ContentType; contentId: number; state: 'visible' | 'held' | 'hidden'; outcome: 'approved' | 'dismissed' | 'hidden' | 'restored' | null }[];
  /** what a sanction may be about: a contribution of theirs this moderator may sanction */
  about: SanctionAbout[];
  /** a region moderator or an admin may sanction without naming a contribution */
  withoutContent: boolean;
  maySanction: boolean;
  /** only admins sanction people holding their roles: the page says so rather than show nothing */
  adminsOnly: boolean;
  /** the only admin not suspended: never suspended */
  lastActiveAdmin: boolean;
};

/** /moderation/users/:id: a person as this moderator sees them, and the warning and suspension forms. */
export function moderationUserPage(ctx: ViewContext, input: { id: unknown }): ModerationUserPage | Forbidden | null {
  const actor = moderator(ctx);
  if (!actor) return FORBIDDEN;
  const id = idParam.safeParse(input.id);
  if (!id.success) return null;
  const view = moderationUserView(ctx.db, actor, id.data);
  if (!view) return null;
  return {
    ...area(actor),
    user: { id: view.user.id, displayName: view.user.displayName },
    sanctions: view.sanctions.map((s) => ({
      id: s.id,
      kind: s.kind,
      reason: s.reason,
      createdAt: s.createdAt,
      until: s.endsAt && s.endsAt !== PERMANENT ? s.endsAt : null,
      lifted: s.liftedAt !== null,
      moderator: s.moderator,
    })),
    recent: view.history.recent.map((c) => ({
      id: c.id,
      body: c.body,
      visibility: c.visibility,
      createdAt: c.createdAt,
      path: c.projectId ? `/projects/${c.projectId}#comment-${c.id}` : `/topics/${c.topicId}#comment-${c.id}`,
    })),
    records: view.history.records.map((m) => ({ contentType: m.contentType, contentId: m.contentId, state: m.state, outcome: m.outcome })),
    about: view.about,
    withoutContent: view.withoutContent,
    maySanction: view.maySanction,
    adminsOnly: view.adminsOnly,
    lastActiveAdmin: view.lastActiveAdmin,
  };
}
