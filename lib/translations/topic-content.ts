/**
 * A topic's title and summary in Bambara, Soninke or Pulaar (issue 14 §4), written by those who run the
 * topic's commune. Readers of that language see them, with a link to the French original; the body, the
 * decision and the comments stay as written.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { topicTranslations, type TopicTranslation } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, notFound, ok, type Result } from '@/lib/errors';
import { isTranslatableLocale, translatableLocales } from '@/lib/i18n/config';
import { screenSubmission } from '@/lib/moderation/pipeline';
import { can } from '@/lib/permissions';
import { isTrusted } from '@/lib/permissions';
import { findTopic } from '@/lib/topics/load';
import { idParam, parse } from '@/lib/validation';
import type { ViewContext } from '@/lib/view-context';

const optional = (max: number) => z.string().trim().max(max, 'tooLong');

/** Both empty: the translation is removed (readers get French again). */
export const saveTopicTranslationSchema = z
  .strictObject({
    topicId: idParam,
    locale: z.enum(translatableLocales, 'invalidChoice'),
    title: optional(140),
    summary: optional(280),
  })
  .superRefine((v, ctx) => {
    if (!v.title && !v.summary) return;
    if (v.title.length < 5) ctx.addIssue({ code: 'custom', message: v.title ? 'tooShort' : 'required', path: ['title'] });
    if (v.summary.length < 10) ctx.addIssue({ code: 'custom', message: v.summary ? 'tooShort' : 'required', path: ['summary'] });
  });

export function saveTopicTranslation(ctx: ViewContext, input: unknown): Result<{ topicId: number; removed: boolean }> {
  const parsed = parse(saveTopicTranslationSchema, input);
  if (!parsed.ok) return parsed;
  const { topicId, locale, title, summary } = parsed.data;
  const { db, actor } = ctx;
  const topic = findTopic(db, topicId);
  if (!topic) return notFound();
  if (!can(actor, 'topic.update', { communeId: topic.communeId })) return forbidden();
  if (topic.phase === 'archived') return { ok: false, error: 'rejected', reason: 'topicArchived' };
  const removed = !title && !summary;
  if (!removed) {
    const verdict = screenSubmission(db, { kind: 'topic', communeId: topic.communeId, authorId: actor!.id, text: `${title}\n${summary}`, trusted: isTrusted(actor), checkHistory: false });
    if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  }
  db.transaction((tx) => {
    const where = and(eq(topicTranslations.topicId, topic.id), eq(topicTranslations.locale, locale));
    if (removed) tx.delete(topicTranslations).where(where).run();
    else {
      tx.insert(topicTranslations)
        .values({ topicId: topic.id, locale, title, summary, updatedBy: actor!.id })
        .onConflictDoUpdate({
          target: [topicTranslations.topicId, topicTranslations.locale],
          set: { title, summary, updatedBy: actor!.id, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` },
        })
        .run();
    }
    recordAudit(tx, { actorId: actor!.id, action: removed ? 'topic.translation_remove' : 'topic.translate', subjectType: 'topic', subjectId: topic.id, details: { locale } });
  });
  return ok({ topicId: topic.id, removed });
}

/** The topic's title and summary in this language, or null (French is shown). */
export function topicInLanguage(db: Pick<Db, 'select'>, topicId: number, locale: string): Pick<TopicTranslation, 'title' | 'summary'> | null {
  if (!isTranslatableLocale(locale)) return null;
  return (
    db
      .select({ title: topicTranslations.title, summary: topicTranslations.summary })
      .from(topicTranslations)
      .where(and(eq(topicTranslations.topicId, topicId), eq(topicTranslations.locale, locale)))
      .get() ?? null
  );
}

/**
 * List rows with the title and summary in the reader's language where the commune wrote them, and the
 * language the card's text is in (undefined on French pages).
 */
export function withTopicLanguage<T extends { id: number; title: string; summary: string }>(db: Pick<Db, 'select'>, rows: readonly T[], locale: string): (T & { lang?: string })[] {
  const translated = topicsInLanguage(db, rows.map((r) => r.id), locale);
  return rows.map((r) => {
    const tr = translated.get(r.id);
    return tr ? { ...r, ...tr, lang: locale } : { ...r, lang: locale === 'fr' ? undefined : 'fr' };
  });
}

/** Every translation of a topic, by language (the edit page's forms). */
export function topicTranslationsOf(db: Pick<Db, 'select'>, topicId: number): Partial<Record<string, Pick<TopicTranslation, 'title' | 'summary'>>> {
  const rows = db.select().from(topicTranslations).where(eq(topicTranslations.topicId, topicId)).all();
  return Object.fromEntries(rows.map((r) => [r.locale, { title: r.title, summary: r.summary }]));
}

/** Titles and summaries of several topics in this language (lists), by topic id. */
export function topicsInLanguage(db: Pick<Db, 'select'>, topicIds: readonly number[], locale: string): Map<number, Pick<TopicTranslation, 'title' | 'summary'>> {
  if (!isTranslatableLocale(locale) || topicIds.length === 0) return new Map();
  const rows = db
    .select({ topicId: topicTranslations.topicId, title: topicTranslations.title, summary: topicTranslations.summary })
    .from(topicTranslations)
    .where(and(eq(topicTranslations.locale, locale), sql`${topicTranslations.topicId} IN (${sql.join(topicIds.map((id) => sql`${id}`), sql`, `)})`))
    .all();
  return new Map(rows.map((r) => [r.topicId, { title: r.title, summary: r.summary }]));
}
