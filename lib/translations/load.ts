/** View loaders of /admin/translations: what a translator reads. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { translationProposals, translationReviews, users, type TranslationOrigin, type TranslationState } from '@/db/schema';
import { translatableLocales, type TranslatableLocale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';
import { fileMessages, flattenMessages, namespaceOf, SOURCE, SOURCE_KEYS, type MessageTree } from './catalog';
import { translationCoverage, type LocaleCoverage } from './coverage';
import { CORE_KEYS } from './drafts';
import { approvalsNeeded } from './review';
import { whereKeyAppears } from './usage';
import en from '@/messages/en.json';

const ENGLISH = flattenMessages(en as MessageTree);
export const TRANSLATION_FILTERS = ['review', 'missing', 'core', 'live', 'all'] as const;
export type TranslationFilter = (typeof TRANSLATION_FILTERS)[number];
export const PAGE_SIZE = 20;

export type ProposalView = {
  id: number;
  key: string;
  text: string;
  source: string;
  sourceChanged: boolean;
  origin: TranslationOrigin;
  provenance: string;
  state: TranslationState;
  proposerName: string | null;
  proposedAt: string;
  decidedAt: string | null;
  deciderName: string | null;
  approvals: { name: string; at: string }[];
  rejections: { name: string; at: string; note: string | null }[];
  needed: number;
  /** may this person approve or refuse it (not theirs, not already reviewed by them, still pending)? */
  canReview: boolean;
  reviewedByMe: boolean;
};

export type KeyRow = {
  key: string;
  source: string;
  /** what readers of the language see now, or null (French) */
  live: string | null;
  /** where the live text comes from */
  liveFrom: 'app' | 'file' | null;
  liveProposalId: number | null;
  pending: ProposalView[];
};

export function canUseTranslations(ctx: ViewContext): boolean {
  return can(ctx.actor, 'translation.access', undefined);
}

export type TranslationOverview = { coverage: LocaleCoverage[] };
export function loadTranslationOverview(ctx: ViewContext): TranslationOverview | null {
  if (!canUseTranslations(ctx)) return null;
  return { coverage: translatableLocales.map((l) => translationCoverage(ctx.db, l)) };
}

function proposalsOf(ctx: ViewContext, locale: TranslatableLocale, where: { keys?: string[]; states?: TranslationState[] }): ProposalView[] {
  const proposer = alias(users, 'proposer');
  const decider = alias(users, 'decider');
  const conditions = [eq(translationProposals.locale, locale)];
  if (where.keys) conditions.push(inArray(translationProposals.key, where.keys.length ? where.keys : ['']));
  if (where.states) conditions.push(inArray(translationProposals.state, where.states));
  const rows = ctx.db
    .select({ p: translationProposals, proposerName: proposer.displayName, deciderName: decider.displayName })
    .from(translationProposals)
    .leftJoin(proposer, eq(proposer.id, translationProposals.proposedBy))
    .leftJoin(decider, eq(decider.id, translationProposals.decidedBy))
    .where(and(...conditions))
    .orderBy(desc(translationProposals.id))
    .all();
  const ids = rows.map((r) => r.p.id);
  const reviews = ids.length
    ? ctx.db
        .select({ r: translationReviews, name: users.displayName })
        .from(translationReviews)
        .innerJoin(users, eq(users.id, translationReviews.reviewerId))
        .where(inArray(translationReviews.proposalId, ids))
        .orderBy(translationReviews.id)
        .all()
    : [];
  const me = ctx.actor?.id ?? 0;
  return rows.map(({ p, proposerName, deciderName }) => {
    const mine = reviews.filter((r) => r.r.proposalId === p.id);
    const reviewedByMe = mine.some((r) => r.r.reviewerId === me);
    return {
      id: p.id,
      key: p.key,
      text: p.text,
      source: p.source,
      sourceChanged: SOURCE.get(p.key) !== p.source,
      origin: p.origin,
      provenance: p.provenance,
      state: p.state,
      proposerName,
      proposedAt: p.createdAt,
      decidedAt: p.decidedAt,
      deciderName,
      approvals: mine.filter((r) => r.r.verdict === 'approve').map((r) => ({ name: r.name, at: r.r.createdAt })),
      rejections: mine.filter((r) => r.r.verdict === 'reject').map((r) => ({ name: r.name, at: r.r.createdAt, note: r.r.note })),
      needed: approvalsNeeded(p),
      canReview: p.state === 'proposed' && !reviewedByMe && can(ctx.actor, 'translation.review', { proposerId: p.proposedBy }),
      reviewedByMe,
    };
  });
}

export type TranslationList = { locale: TranslatableLocale; filter: TranslationFilter; q: string; page: number; pages: number; total: number; rows: KeyRow[] };

/** One page of keys of a language, filtered: waiting for review, missing, the core path, live in the app, all. */
export function loadTranslationList(ctx: ViewContext, locale: TranslatableLocale, opts: { filter: TranslationFilter; q: string; page: number }): TranslationList | null {
  if (!canUseTranslations(ctx)) return null;
  const file = fileMessages(locale);
  const live = ctx.db
    .select({ id: translationProposals.id, key: translationProposals.key, text: translationProposals.text })
    .from(translationProposals)
    .where(and(eq(translationProposals.locale, locale), eq(translationProposals.state, 'approved')))
    .all();
  const liveByKey = new Map(live.map((r) => [r.key, r]));
  const pendingKeys = new Set(
    ctx.db
      .select({ key: translationProposals.key })
      .from(translationProposals)
      .where(and(eq(translationProposals.locale, locale), eq(translationProposals.state, 'proposed')))
      .all()
      .map((r) => r.key),
  );
  const q = opts.q.trim().toLocaleLowerCase('fr');
  const keys = SOURCE_KEYS.filter((k) => {
    if (opts.filter === 'review' && !pendingKeys.has(k)) return false;
    if (opts.filter === 'missing' && (liveByKey.has(k) || file.has(k))) return false;
    if (opts.filter === 'core' && !CORE_KEYS.has(k)) return false;
    if (opts.filter === 'live' && !liveByKey.has(k)) return false;
    if (!q) return true;
    const text = `${k}\n${SOURCE.get(k)}\n${liveByKey.get(k)?.text ?? file.get(k) ?? ''}`.toLocaleLowerCase('fr');
    return text.includes(q);
  });
  const pages = Math.max(1, Math.ceil(keys.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page), pages);
  const shown = keys.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pending = proposalsOf(ctx, locale, { keys: shown, states: ['proposed'] });
  const rows = shown.map((key): KeyRow => {
    const app = liveByKey.get(key);
    return {
      key,
      source: SOURCE.get(key)!,
      live: app?.text ?? file.get(key) ?? null,
      liveFrom: app ? 'app' : file.has(key) ? 'file' : null,
      liveProposalId: app?.id ?? null,
      pending: pending.filter((p) => p.key === key),
    };
  });
  return { locale, filter: opts.filter, q: opts.q, page, pages, total: keys.length, rows };
}

export type KeyDetail = KeyRow & {
  locale: TranslatableLocale;
  namespace: string;
  english: string | null;
  places: string[];
  core: boolean;
  history: ProposalView[];
  canPropose: boolean;
  canRevert: boolean;
};

/** One key of a language: French, English for reference, where it appears, what is live, pending and past. */
export function loadTranslationKey(ctx: ViewContext, locale: TranslatableLocale, key: string): KeyDetail | null | 'not_found' {
  if (!canUseTranslations(ctx)) return null;
  const source = SOURCE.get(key);
  if (source === undefined) return 'not_found';
  const all = proposalsOf(ctx, locale, { keys: [key] });
  const app = all.find((p) => p.state === 'approved');
  const file = fileMessages(locale).get(key) ?? null;
  return {
    key,
    locale,
    source,
    namespace: namespaceOf(key),
    english: ENGLISH.get(key) ?? null,
    places: whereKeyAppears(key),
    core: CORE_KEYS.has(key),
    live: app?.text ?? file,
    liveFrom: app ? 'app' : file ? 'file' : null,
    liveProposalId: app?.id ?? null,
    pending: all.filter((p) => p.state === 'proposed'),
    history: all.filter((p) => p.state !== 'proposed'),
    canPropose: can(ctx.actor, 'translation.propose', undefined),
    canRevert: can(ctx.actor, 'translation.revert', undefined),
  };
}
