import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { media, type User } from '@/db/schema';
import { saveTopicTranslation, topicInLanguage, topicTranslationsOf, withTopicLanguage } from '@/lib/translations/topic-content';
import { spokenSummariesOf } from '@/lib/topics/spoken-summary';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let mayor: User;
let otherMayor: User;
let awa: User;
beforeEach(async () => {
  t = makeTestDb();
  mayor = await addUser(t, { displayName: 'Bakary Diallo', grants: [{ role: 'official', communeId: t.communeId('kayes'), title: 'Maire' }] });
  otherMayor = await addUser(t, { displayName: 'Autre maire', grants: [{ role: 'official', communeId: t.communeId('nioro-du-sahel'), title: 'Maire' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
});
afterEach(() => t.cleanup());

const as = (u: User): ViewContext => ({ db: t.db, actor: actorOf(t.db, u.id), now: new Date() });
const BM = { title: 'Kɔlɔn kura Plateau kin kɔnɔ', summary: 'Mɛri bɛ kɔlɔn dɔ labɛn lakɔliso kɛrɛfɛ, ni tile fanga ye.' };

describe('a topic in a national language', () => {
  it('its commune’s official writes the title and summary in Bambara; Bambara readers get them, others French', () => {
    const topic = addTopic(t, { authorId: mayor.id });
    const r = saveTopicTranslation(as(mayor), { topicId: String(topic.id), locale: 'bm', ...BM });
    expect(r).toEqual({ ok: true, value: { topicId: topic.id, removed: false } });
    expect(topicInLanguage(t.db, topic.id, 'bm')).toEqual(BM);
    expect(topicInLanguage(t.db, topic.id, 'ff')).toBeNull();
    expect(topicInLanguage(t.db, topic.id, 'fr')).toBeNull();
    expect(auditRows(t.db, 'topic.translate')[0]).toMatchObject({ actorId: mayor.id, subjectId: topic.id, details: { locale: 'bm' } });

    const rows = [{ id: topic.id, title: topic.title, summary: topic.summary }];
    expect(withTopicLanguage(t.db, rows, 'bm')).toEqual([{ id: topic.id, ...BM, lang: 'bm' }]);
    expect(withTopicLanguage(t.db, rows, 'ff')).toEqual([{ ...rows[0], lang: 'fr' }]);
    expect(withTopicLanguage(t.db, rows, 'fr')).toEqual([{ ...rows[0], lang: undefined }]);

    // Saved again: replaced; both fields empty: removed.
    expect(saveTopicTranslation(as(mayor), { topicId: String(topic.id), locale: 'bm', title: 'Kɔlɔn kura', summary: BM.summary }).ok).toBe(true);
    expect(topicTranslationsOf(t.db, topic.id)).toEqual({ bm: { title: 'Kɔlɔn kura', summary: BM.summary } });
    expect(saveTopicTranslation(as(mayor), { topicId: String(topic.id), locale: 'bm', title: '', summary: '' })).toEqual({ ok: true, value: { topicId: topic.id, removed: true } });
    expect(topicInLanguage(t.db, topic.id, 'bm')).toBeNull();
  });

  it('nobody else may: another commune’s official, a citizen; bad input changes nothing', () => {
    const topic = addTopic(t, { authorId: mayor.id });
    expect(saveTopicTranslation(as(otherMayor), { topicId: String(topic.id), locale: 'bm', ...BM })).toEqual({ ok: false, error: 'forbidden' });
    expect(saveTopicTranslation(as(awa), { topicId: String(topic.id), locale: 'bm', ...BM })).toEqual({ ok: false, error: 'forbidden' });
    expect(saveTopicTranslation(as(mayor), { topicId: '999', locale: 'bm', ...BM })).toEqual({ ok: false, error: 'not_found' });
    expect(saveTopicTranslation(as(mayor), { topicId: String(topic.id), locale: 'en', ...BM })).toMatchObject({ ok: false, error: 'invalid' });
    expect(saveTopicTranslation(as(mayor), { topicId: String(topic.id), locale: 'bm', title: BM.title, summary: '' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { summary: 'required' } });
    expect(topicTranslationsOf(t.db, topic.id)).toEqual({});
  });
});

describe('spoken summaries beside the text', () => {
  it('a reader gets one player per language of the published recordings, their own language first (issue 13 §5)', () => {
    const topic = addTopic(t, { authorId: mayor.id });
    const rec = (language: 'bm' | 'fr' | null, state: 'published' | 'held', subjectId = topic.id) =>
      t.db
        .insert(media)
        .values({ ownerId: mayor.id, communeId: topic.communeId, kind: 'topic_summary', subjectId, language, state, sha256: 'a'.repeat(64), mime: 'audio/webm', sizeBytes: 100, durationMs: 30_000, sourceFormat: 'webm' })
        .returning({ id: media.id })
        .get().id;
    const bm = rec('bm', 'published');
    rec('bm', 'held');
    const fr = rec('fr', 'published');
    const ids = (reader: string) => spokenSummariesOf(t.db, topic.id, 'topic', reader).map((r) => [r.language, r.id]);
    expect(ids('bm')).toEqual([['bm', bm], ['fr', fr]]);
    expect(ids('fr')).toEqual([['fr', fr], ['bm', bm]]);
    expect(ids('ff')).toEqual([['fr', fr], ['bm', bm]]);
    expect(spokenSummariesOf(t.db, topic.id, 'decision', 'fr')).toEqual([]);
  });
});
