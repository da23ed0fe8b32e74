import type { Locale } from '@/lib/i18n/config';
import { lessonsForTopic, type LinkedLesson } from '@/lib/learn/topic-links';
import { meetingsSection, type MeetingsSectionView } from '@/lib/meetings/views';
import { topicInLanguage } from '@/lib/translations/topic-content';
import { mayRecordSummary, spokenSummariesOf, type SpokenSummary } from './spoken-summary';
import { assistedVoteCount } from '@/db/queries/assisted';
import { topicAsCommentSubject } from '@/lib/comments/subject';
import { commentSection, type CommentSectionView } from '@/lib/comments/views';
import { renderMarkdown } from '@/lib/markdown';
import { allowedOnceVerified, can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';
import { choicesOf } from '@/lib/votes/cast-vote';
import { myVote, tally } from '@/lib/votes/queries';
import { effectivePhase, type Phase } from './phases';
import { phaseTimeline, topicRevisionCount, topicWithPublisher } from './queries';
import type { Sector } from './sectors';
import { voteSplits, type VoteSplits } from './vote-split';

type Search = Record<string, string | string[] | undefined>;

/** A choice of the vote: for/against/abstain (label: null, the page words it) or a poll option (its text). */
export type VoteChoice = { key: string; pollLabel: string | null };

/** What the top of the page says about the topic. */
export type TopicHeaderView = {
  phase: Phase;
  sector: Sector;
  communeId: number;
  commune: string;
  title: string;
  summary: string;
  authorName: string;
  /** the publisher's public title as it is now (e.g. "Maire de Nioro du Sahel") */
  authorTitle: string | null;
  opensAt: string;
  closesAt: string;
  location: string | null;
  /** held for review: its officials see it, with a notice */
  held: boolean;
  /** the reader runs the commune: a link to the management page */
  mayManage: boolean;
  /** the language title and summary are in, when it is not the page's (lib/translations/topic-content.ts) */
  contentLang: string | undefined;
  /** the commune wrote title and summary in the reader's language: a "Lire en français" link */
  readInFrench: boolean;
  /** spoken summaries (issue 13 §5): one published recording per language, the reader's first */
  spoken: SpokenSummary[];
  /** the reader may record them (officials, facilitators of the commune's spaces, admins): a link to the recorder */
  mayRecordSummary: boolean;
};

export type TopicVoteView = {
  choices: VoteChoice[];
  /** the public tally, one row per choice: residents of the topic's commune apart from others */
  tally: (VoteChoice & { residents: number; others: number })[];
  /** votes a facilitator entered for the voter at a connected space */
  assisted: number;
  /** the split by gender and age band, for the officials who run the commune only */
  splits: VoteSplits | null;
  /** the reader's current choice */
  mine: string | null;
  mayVote: boolean;
  /** why there is no vote form: not signed in, not open yet, closed */
  instead: 'signIn' | 'verify' | 'notYetOpen' | 'closed' | null;
};

/** What the URL says just happened (a redirect after a form), shown once at the top of the page. */
export const TOPIC_NOTICES = ['voted', 'posted', 'held', 'edited', 'deleted', 'reported', 'appealed'] as const;
export type TopicNotice = (typeof TOPIC_NOTICES)[number];
export type TopicError = 'forbidden' | 'notFound' | 'capReachedLater' | 'invalid';

export type TopicPageView = {
  id: number;
  communeSlug: string;
  header: TopicHeaderView;
  /** the decision, once decided (sanitised HTML from Markdown) */
  decision: { html: string; decidedAt: string | null; spoken: SpokenSummary[] } | null;
  /** the topic's text (sanitised HTML from Markdown) */
  bodyHtml: string;
  /** lessons the topic points to, in the reader's language (lib/learn/topic-links.ts) */
  lessons: LinkedLesson[];
  timeline: { steps: { toPhase: Phase; createdAt: string; bySystem: boolean }[]; revisionCount: number };
  vote: TopicVoteView;
  meetings: MeetingsSectionView | null;
  comments: CommentSectionView;
  notices: TopicNotice[];
  error: TopicError | null;
};

/** The topic this reader may read (drafts and held topics: the commune's officials and admins), else null. */
function readableTopic(ctx: ViewContext, rawId: string) {
  const id = idParam.safeParse(rawId);
  if (!id.success) return null;
  const row = topicWithPublisher(ctx.db, id.data);
  if (!row || !can(ctx.actor, 'topic.read', row.topic)) return null;
  return row;
}

/** What the page's <head> needs: null when the reader may not see the topic. */
export function topicPageMeta(ctx: ViewContext, rawId: string, locale = 'fr') {
  const row = readableTopic(ctx, rawId);
  if (!row) return null;
  const translated = topicInLanguage(ctx.db, row.topic.id, locale);
  return { id: row.topic.id, title: translated?.title ?? row.topic.title, summary: translated?.summary ?? row.topic.summary, commune: row.commune, communeSlug: row.communeSlug };
}

/**
 * /topics/<id>: everything the topic page shows to this reader (null: no such topic, or not theirs to
 * read → 404). The anonymous cached page (app/cached/…) asks with publicContext() and no query.
 */
export function topicPage(ctx: ViewContext, input: { id: string; sp: Search; locale?: string }): TopicPageView | null {
  const row = readableTopic(ctx, input.id);
  if (!row) return null;
  const { db, actor, now } = ctx;
  const { topic } = row;
  const phase = effectivePhase(topic, now);
  const sp = input.sp;

  const choices: VoteChoice[] = choicesOf(topic).map((key, i) => ({ key, pollLabel: topic.pollOptions?.[i] ?? null }));
  const counts = tally(db, topic.id, topic.communeId);
  const mayVote = can(actor, 'vote.cast', { phase });
  const errorKey = typeof sp.error === 'string' ? sp.error : null;
  // Title and summary in the reader's national language when the commune wrote them (French otherwise).
  const locale = input.locale ?? 'fr';
  const translated = topicInLanguage(db, topic.id, locale);

  return {
    id: topic.id,
    communeSlug: row.communeSlug,
    header: {
      phase,
      sector: topic.sector,
      communeId: topic.communeId,
      commune: row.commune,
      title: translated?.title ?? topic.title,
      summary: translated?.summary ?? topic.summary,
      contentLang: translated ? locale : locale === 'fr' ? undefined : 'fr',
      readInFrench: !!translated,
      spoken: spokenSummariesOf(db, topic.id, 'topic', locale),
      mayRecordSummary: mayRecordSummary(db, actor, topic),
      authorName: row.authorName,
      authorTitle: row.authorTitle,
      opensAt: topic.opensAt,
      closesAt: topic.closesAt,
      location: topic.location,
      held: topic.visibility === 'held',
      mayManage: can(actor, 'topic.update', { communeId: topic.communeId }),
    },
    decision: topic.decision && (phase === 'decided' || phase === 'archived') ? { html: renderMarkdown(topic.decision), decidedAt: topic.decidedAt, spoken: spokenSummariesOf(db, topic.id, 'decision', locale) } : null,
    bodyHtml: renderMarkdown(topic.body),
    lessons: lessonsForTopic(db, topic.id, locale as Locale),
    timeline: {
      steps: phaseTimeline(db, topic.id).map((s) => ({ toPhase: s.toPhase, createdAt: s.createdAt, bySystem: s.actorId === null && s.toPhase === 'deliberation' })),
      revisionCount: topicRevisionCount(db, topic.id),
    },
    vote: {
      choices,
      tally: choices.map((c) => ({ ...c, residents: counts.get(c.key)?.residents ?? 0, others: counts.get(c.key)?.others ?? 0 })),
      assisted: assistedVoteCount(db, topic.id),
      splits: can(actor, 'topic.viewInternal', { communeId: topic.communeId }) ? voteSplits(db, topic, now) : null,
      mine: actor ? myVote(db, topic.id, actor.id) : null,
      mayVote,
      // The phase first: a topic not yet open (or closed) says so to everyone, anonymous readers included
      // (issue 17 §8); "sign in" (or "verify") only when that would let them vote.
      instead: mayVote
        ? null
        : phase === 'draft' || phase === 'information'
          ? 'notYetOpen'
          : phase !== 'open'
            ? 'closed'
            : !actor
              ? 'signIn'
              : allowedOnceVerified(actor, 'vote.cast', { phase })
                ? 'verify'
                : null,
    },
    meetings: meetingsSection(ctx, { topicId: topic.id }),
    comments: commentSection(ctx, topicAsCommentSubject(topic, now), sp),
    notices: TOPIC_NOTICES.filter((k) => sp[k]),
    error: !errorKey ? null : errorKey === 'forbidden' ? 'forbidden' : errorKey === 'not_found' ? 'notFound' : errorKey === 'capReachedLater' ? 'capReachedLater' : 'invalid',
  };
}
