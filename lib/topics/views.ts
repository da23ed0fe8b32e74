import type { Locale } from '@/lib/i18n/config';
import { linkableLessons, topicLessonSlugs } from '@/lib/learn/topic-links';
import { topicTranslationsOf, withTopicLanguage } from '@/lib/translations/topic-content';
import { getCommune, listCommunes, listSpaces } from '@/db/queries/geography';
import type { Topic } from '@/db/schema';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';
import { parseTopicListParams } from './list-params';
import { findTopic } from './load';
import { effectivePhase, PHASE_TRANSITIONS, PUBLIC_PHASES, type Phase } from './phases';
import { listTopics, openTopicsForHome, type TopicFilters } from './queries';
import { TOPIC_FIELDS, type TopicField } from './schemas';
import { SECTORS, type Sector } from './sectors';

type Search = Record<string, string | string[] | undefined>;

/** A topic in a list (the topics page, the home page): components/topics/topic-card.tsx. */
export type TopicCardView = {
  id: number;
  title: string;
  summary: string;
  sector: Sector;
  /** the phase readers live (an open topic past its close date is closed) */
  phase: Phase;
  commune: string;
  closesAt: string;
  commentCount: number;
  voteCount: number;
  /** held for review: only the commune's officials see it listed, with a badge */
  held: boolean;
  /** the language of title and summary when it is not the page's (lib/translations/topic-content.ts) */
  lang?: string;
};

export type TopicListView = {
  filters: TopicFilters;
  topics: TopicCardView[];
  total: number;
  pages: number;
  communes: { id: number; name: string }[];
  sectors: readonly Sector[];
  /** the phases a reader may filter on (a draft is never "public": officials find theirs in the list) */
  phases: readonly Phase[];
  /** the reader may publish a topic in at least one commune */
  mayCreate: boolean;
};

/** /topics: the topics this reader may read, filtered and sorted as the query string asks. */
export function topicList(ctx: ViewContext, sp: Search, locale = 'fr'): TopicListView {
  const filters = parseTopicListParams(sp);
  const result = listTopics(ctx.db, ctx.actor, filters, ctx.now);
  const communes = listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name }));
  return {
    filters,
    topics: withTopicLanguage(ctx.db, result.rows, locale).map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      sector: r.sector,
      phase: r.phase,
      commune: r.commune,
      closesAt: r.closesAt,
      commentCount: r.commentCount,
      voteCount: r.voteCount,
      held: r.visibility === 'held',
      lang: r.lang,
    })),
    total: result.total,
    pages: result.pages,
    communes,
    sectors: SECTORS,
    phases: PUBLIC_PHASES,
    mayCreate: communes.some((c) => can(ctx.actor, 'topic.create', { communeId: c.id })),
  };
}

/** The Atom feed /topics advertises in <head>: the commune being looked at, or all (null). */
export function topicListFeed(ctx: Pick<ViewContext, 'db'>, sp: Search): { slug: string; name: string } | null {
  const { communeId } = parseTopicListParams(sp);
  const commune = communeId ? getCommune(ctx.db, communeId) : undefined;
  return commune ? { slug: commune.slug, name: commune.name } : null;
}

export type HomeView = {
  /** the signed-in reader's name, for the greeting */
  readerName: string | null;
  /** the commune shown first (chosen, or the reader's home commune) */
  commune: string | null;
  openTopics: TopicCardView[];
  spaces: { id: number; name: string; commune: string; address: string; openingHours: string }[];
  communes: { id: number; name: string; cercle: string; region: string }[];
};

/** The home page: open consultations (the selected commune's first), the connected spaces and the communes. */
export function homePage(ctx: ViewContext, input: { communeId: number | null; locale?: string }): HomeView {
  const commune = input.communeId ? getCommune(ctx.db, input.communeId) : undefined;
  return {
    readerName: ctx.actor?.displayName ?? null,
    commune: commune?.name ?? null,
    openTopics: withTopicLanguage(ctx.db, openTopicsForHome(ctx.db, input.communeId, ctx.now), input.locale ?? 'fr').map((t) => ({ ...t, phase: 'open', held: false })),
    spaces: listSpaces(ctx.db).map((s) => ({ id: s.id, name: s.name, commune: s.commune, address: s.address, openingHours: s.openingHours })),
    communes: listCommunes(ctx.db).map((c) => ({ id: c.id, name: c.name, cercle: c.cercle, region: c.region })),
  };
}

/** What the topic form is filled with when editing: the topic's id and its TOPIC_FIELDS (lib/topics/schemas.ts). */
export type TopicFormValues = Pick<Topic, 'id' | TopicField>;

export type NewTopicView = { communes: { id: number; name: string }[] };

/** /topics/new: the communes this person may publish in ('signIn' when nobody is signed in; null: none → 404). */
export function newTopicPage(ctx: ViewContext): NewTopicView | 'signIn' | null {
  if (!ctx.actor) return 'signIn';
  const communes = listCommunes(ctx.db)
    .filter((c) => can(ctx.actor, 'topic.create', { communeId: c.id }))
    .map((c) => ({ id: c.id, name: c.name }));
  return communes.length ? { communes } : null;
}

export type EditTopicView = {
  topic: TopicFormValues;
  /** the phase readers live now, and where an official may move it from there */
  phase: Phase;
  moves: readonly Phase[];
  decision: string;
  /** an archived topic's text no longer changes */
  archived: boolean;
  /** title and summary the commune wrote in the national languages (lib/translations/topic-content.ts) */
  translations: ReturnType<typeof topicTranslationsOf>;
  /** the published lessons it may point to, and those it points to (lib/learn/topic-links.ts) */
  lessons: { choices: ReturnType<typeof linkableLessons>; chosen: string[] };
};

/** /topics/<id>/edit: for those who run the topic's commune ('signIn' when nobody is signed in; null → 404). */
export function editTopicPage(ctx: ViewContext, rawId: string, locale: Locale = 'fr'): EditTopicView | 'signIn' | null {
  const id = idParam.safeParse(rawId);
  if (!id.success) return null;
  if (!ctx.actor) return 'signIn';
  const topic = findTopic(ctx.db, id.data);
  if (!topic || !can(ctx.actor, 'topic.update', { communeId: topic.communeId })) return null;
  const phase = effectivePhase(topic, ctx.now);
  return {
    topic: { id: topic.id, ...(Object.fromEntries(TOPIC_FIELDS.map((f) => [f, topic[f]])) as Pick<Topic, TopicField>) },
    phase,
    moves: PHASE_TRANSITIONS[phase],
    decision: topic.decision ?? '',
    archived: topic.phase === 'archived',
    translations: topicTranslationsOf(ctx.db, topic.id),
    lessons: { choices: linkableLessons(ctx.db, locale), chosen: topicLessonSlugs(ctx.db, topic.id) },
  };
}
