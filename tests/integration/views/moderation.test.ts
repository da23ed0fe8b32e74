import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { addModerationTerm } from '@/lib/moderation/add-term';
import { appealDecision } from '@/lib/moderation/appeals';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { reportContent } from '@/lib/moderation/report-content';
import { suspendUser, warnUser } from '@/lib/moderation/sanctions';
import {
  appealsPage,
  moderationLogPage,
  moderationQueuePage,
  moderationSettingsPage,
  moderationStatsPage,
  moderationUserPage,
  termsPage,
} from '@/lib/moderation/views';
import { FORBIDDEN, type ViewContext } from '@/lib/view-context';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../../helpers/db';

/**
 * What each person sees of the moderation area, through the view loaders the pages call: the area is
 * for moderators and admins; a commune's moderator sees the queue, histories, appeals, log and terms of
 * their communes only; region moderators and admins see everything; settings are admins' only.
 */

const T0 = CONSULTATION.during;

let t: TestDb;
let nioro: number;
let kayes: number;
let sira: User; // moderator of Nioro du Sahel
let seydou: User; // moderator of Kayes
let kadiatou: User; // region moderator
let admin: User;
let bakary: User; // official of Nioro, who published the Nioro topic
let awa: User; // citizen of Nioro, writes in both communes
let moussa: User;
let fanta: User;
let oumar: User;
let nioroTopic: number;
let kayesTopic: number;
/** Awa's comment in Nioro, hidden by Sira */
let hiddenNioro: number;
/** Awa's comment in Kayes, hidden at three reports (automatically) */
let reportedKayes: number;
/** a visible comment in Nioro, reported once */
let reportedNioro: number;
let appealNioro: number;

const as = (u: User) => actorOf(t.db, u.id);
const ctx = (u: User | null): ViewContext => ({ db: t.db, actor: u ? as(u) : null, now: minutesAfter(T0, 120) });
function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}
let minute = 0;
const comment = (u: User, topicId: number, body: string) => ok(createComment(t.db, as(u), { topicId: String(topicId), stance: 'for', body }, minutesAfter(T0, ++minute))).commentId;
const report = (u: User, id: number, reason = 'insult') => ok(reportContent(t.db, as(u), { contentType: 'comment', contentId: String(id), reason }, minutesAfter(T0, 30)));

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  kayes = t.communeId('kayes');
  sira = await addUser(t, { displayName: 'Sira Camara', communeId: nioro, grants: [{ role: 'moderator', communeId: nioro }] });
  seydou = await addUser(t, { displayName: 'Seydou Kanté', grants: [{ role: 'moderator', communeId: kayes }] });
  kadiatou = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
  admin = await addUser(t, { displayName: 'Admin Baro', grants: [{ role: 'admin' }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }, { role: 'moderator', communeId: nioro }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: kayes });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: kayes });
  oumar = await addUser(t, { displayName: 'Oumar Coulibaly', communeId: kayes });
  nioroTopic = addTopic(t, { authorId: bakary.id, communeId: nioro, title: 'Forage de Nioro' }).id;
  kayesTopic = addTopic(t, { authorId: bakary.id, communeId: kayes, title: 'Pont de Kayes' }).id;

  hiddenNioro = comment(awa, nioroTopic, 'un propos insultant sur le forage');
  reportedKayes = comment(awa, kayesTopic, 'un propos douteux sur le pont');
  reportedNioro = comment(moussa, nioroTopic, 'un avis tranché sur le forage');
  const mod = ok(moderateContent(t.db, as(sira), { contentType: 'comment', contentId: String(hiddenNioro), action: 'hide', reason: 'Propos insultants' }, minutesAfter(T0, 20)));
  for (const u of [moussa, fanta, oumar]) report(u, reportedKayes);
  report(awa, reportedNioro, 'spam');
  ok(warnUser(t.db, as(sira), { userId: String(awa.id), reason: 'Restez courtoise', about: `comment:${hiddenNioro}` }, minutesAfter(T0, 40)));
  ok(suspendUser(t.db, as(kadiatou), { userId: String(oumar.id), reason: 'Spam répété partout', days: '3', about: '' }, minutesAfter(T0, 41)));
  appealNioro = ok(appealDecision(t.db, as(awa), { moderationId: String(mod.moderationId), sanctionId: '', text: 'Je conteste cette décision.' }, minutesAfter(T0, 50))).appealId;
  ok(addModerationTerm(t.db, as(sira), { term: 'nyamakala', language: 'bm', communeId: String(nioro) }));
  ok(addModerationTerm(t.db, as(seydou), { term: 'jatigiya', language: 'bm', communeId: String(kayes) }));
  ok(addModerationTerm(t.db, as(kadiatou), { term: 'salopard', language: 'fr', communeId: '' }));
});
afterEach(() => t.cleanup());

describe('the moderation area is for moderators and admins', () => {
  it('an anonymous reader, a citizen, an official and a suspended moderator are refused every page of it', async () => {
    const suspendedModerator = await addUser(t, { grants: [{ role: 'moderator', communeId: null }], suspendedUntil: '2099-01-01T00:00:00.000Z' });
    for (const who of [null, awa, await addUser(t, { grants: [{ role: 'official', communeId: nioro }] }), suspendedModerator]) {
      const c = ctx(who);
      expect(moderationQueuePage(c, {})).toEqual(FORBIDDEN);
      expect(appealsPage(c)).toEqual(FORBIDDEN);
      expect(moderationLogPage(c)).toEqual(FORBIDDEN);
      expect(termsPage(c)).toEqual(FORBIDDEN);
      expect(moderationSettingsPage(c)).toEqual(FORBIDDEN);
      expect(moderationUserPage(c, { id: String(awa.id) })).toEqual(FORBIDDEN);
    }
  });

  it('the settings are admins’ only; the menu links to them for admins only', () => {
    for (const u of [sira, kadiatou]) {
      expect(moderationSettingsPage(ctx(u))).toEqual(FORBIDDEN);
      expect(moderationQueuePage(ctx(u), {})).toMatchObject({ mayConfigure: false });
    }
    expect(moderationQueuePage(ctx(admin), {})).toMatchObject({ mayConfigure: true });
    const settings = moderationSettingsPage(ctx(admin));
    if ('forbidden' in settings) throw new Error('forbidden');
    expect(settings.communes.find((c) => c.id === nioro)?.rules).toEqual({ mode: 'flagged', newAccountCount: 2, reportThreshold: 3, voiceMode: 'new_accounts', voiceNewAccountCount: 3 });
  });

  it('the statistics are public: aggregate counts for anyone, signed in or not', () => {
    const stats = moderationStatsPage(ctx(null));
    expect(stats.byReason.reduce((n, r) => n + r.n, 0)).toBe(4);
    expect(stats.appeals).toEqual({ total: 1, upheld: 0 });
    expect(moderationStatsPage(ctx(awa))).toEqual(stats);
  });
});

describe('the queue: each moderator sees the items of their communes', () => {
  const queued = (u: User, filters: Record<string, unknown> = {}) => {
    const view = moderationQueuePage(ctx(u), filters);
    if ('forbidden' in view) throw new Error('forbidden');
    return view;
  };
  const contentIds = (u: User, filters: Record<string, unknown> = {}) => queued(u, filters).items.map((i) => i.contentId).sort((a, b) => a - b);

  it('a commune moderator sees its items only, and can filter among its own communes only', () => {
    expect(contentIds(sira)).toEqual([reportedNioro]);
    expect(contentIds(seydou)).toEqual([reportedKayes]);
    expect(queued(sira).communes.map((c) => c.id)).toEqual([nioro]);
    // Asking for another commune's items shows nothing of them.
    expect(contentIds(sira, { commune: String(kayes) })).toEqual([]);
  });

  it('region moderators and admins see every commune’s items', () => {
    expect(contentIds(kadiatou)).toEqual([reportedKayes, reportedNioro].sort((a, b) => a - b));
    expect(contentIds(admin)).toEqual(contentIds(kadiatou));
    expect(queued(admin).communes.length).toBeGreaterThan(2);
    expect(contentIds(admin, { commune: String(kayes) })).toEqual([reportedKayes]);
  });

  it('each item says why it is here, what it says, where it is and which acts make sense', () => {
    const [kayesItem] = queued(seydou).items;
    expect(kayesItem).toMatchObject({
      contentType: 'comment',
      contentId: reportedKayes,
      status: 'autoHidden',
      reportCount: 3,
      text: 'un propos douteux sur le pont',
      author: 'Awa Traoré',
      path: `/topics/${kayesTopic}#comment-${reportedKayes}`,
      mayAct: true,
      actions: { approve: false, dismiss: true, restore: false, hide: true },
    });
    expect(kayesItem!.reasons).toEqual([{ reason: 'insult', n: 3 }]);
    const [nioroItem] = queued(sira).items;
    expect(nioroItem).toMatchObject({ status: 'reported', actions: { approve: false, dismiss: true, restore: false, hide: true } });
  });

  it('a moderator with a conflict of interest sees the item but may not act on it (the official who published the topic)', () => {
    expect(queued(bakary).items.map((i) => [i.contentId, i.mayAct])).toEqual([[reportedNioro, false]]);
    expect(queued(sira).items.map((i) => [i.contentId, i.mayAct])).toEqual([[reportedNioro, true]]);
  });

  it('bad filters read as no filter', () => {
    expect(queued(kadiatou, { commune: 'x', type: 'letter', reason: '<script>', age: '-3' }).filters).toEqual({});
    expect(queued(kadiatou, { type: 'comment', age: '7' }).filters).toEqual({ type: 'comment', olderThanDays: 7 });
  });
});

describe('appeals, log and terms stay within the moderator’s communes', () => {
  it('appeals: Nioro’s appeal for Nioro’s moderators; the moderator who decided may not settle it', () => {
    const appeals = (u: User) => {
      const view = appealsPage(ctx(u));
      if ('forbidden' in view) throw new Error('forbidden');
      return view.items.map((a) => ({ id: a.id, mayDecide: a.mayDecide }));
    };
    expect(appeals(seydou)).toEqual([]);
    expect(appeals(sira)).toEqual([{ id: appealNioro, mayDecide: false }]);
    expect(appeals(kadiatou)).toEqual([{ id: appealNioro, mayDecide: true }]);
    // Bakary moderates Nioro but published the topic the comment is on: a conflict.
    expect(appeals(bakary)).toEqual([{ id: appealNioro, mayDecide: false }]);
  });

  it('the log: Sira sees Nioro’s entries and the region’s terms, not Kayes’s', () => {
    const log = (u: User) => {
      const view = moderationLogPage(ctx(u));
      if ('forbidden' in view) throw new Error('forbidden');
      return view.rows.map((r) => r.action);
    };
    expect(log(sira)).toContain('content.hide');
    expect(log(sira)).not.toContain('content.auto_hide');
    expect(log(sira)).not.toContain('user.suspend');
    expect(log(seydou)).toContain('content.auto_hide');
    expect(log(seydou)).not.toContain('content.hide');
    expect(log(kadiatou)).toEqual(expect.arrayContaining(['content.hide', 'content.auto_hide', 'user.suspend']));
  });

  it('terms: the region’s and one’s communes’; removable and addable only within one’s scope', () => {
    const terms = (u: User) => {
      const view = termsPage(ctx(u));
      if ('forbidden' in view) throw new Error('forbidden');
      return view;
    };
    expect(terms(sira).terms.map((x) => [x.term, x.mayRemove]).sort()).toEqual([
      ['nyamakala', true],
      ['salopard', false],
    ]);
    expect(terms(sira).scopes).toEqual([{ communeId: nioro, name: 'Nioro du Sahel' }]);
    expect(terms(seydou).terms.map((x) => x.term).sort()).toEqual(['jatigiya', 'salopard']);
    expect(terms(kadiatou).terms.map((x) => x.term).sort()).toEqual(['jatigiya', 'nyamakala', 'salopard']);
    expect(terms(kadiatou).scopes[0]).toEqual({ communeId: null, name: null });
    expect(terms(kadiatou).terms.every((x) => x.mayRemove)).toBe(true);
  });
});

describe('a person’s page, as each moderator sees it', () => {
  const page = (u: User, id: number = awa.id) => {
    const view = moderationUserPage(ctx(u), { id: String(id) });
    if (!view || 'forbidden' in view) throw new Error(String(view && 'forbidden'));
    return view;
  };

  it('Sira sees Awa’s comments, records and sanctions of Nioro; Seydou those of Kayes; the region moderator all', () => {
    expect(page(sira).recent.map((c) => c.id)).toEqual([hiddenNioro]);
    expect(page(sira).sanctions.map((s) => s.moderator)).toEqual(['Sira Camara']);
    expect(page(sira).records.map((r) => [r.contentId, r.state])).toEqual([[hiddenNioro, 'hidden']]);
    expect(page(seydou).recent.map((c) => c.id)).toEqual([reportedKayes]);
    expect(page(seydou).sanctions).toEqual([]);
    expect(page(kadiatou).recent.map((c) => c.id).sort((a, b) => a - b)).toEqual([hiddenNioro, reportedKayes].sort((a, b) => a - b));
  });

  it('the page shows where each comment is, and what a sanction may be about', () => {
    expect(page(sira).recent[0]).toMatchObject({ visibility: 'hidden', path: `/topics/${nioroTopic}#comment-${hiddenNioro}` });
    expect(page(sira)).toMatchObject({ user: { id: awa.id, displayName: 'Awa Traoré' }, withoutContent: false, maySanction: true, about: [{ value: `comment:${hiddenNioro}` }] });
    expect(page(kadiatou)).toMatchObject({ withoutContent: true, maySanction: true });
  });

  it('a suspension names its end, or none when permanent; a person with nothing in one’s communes shows nothing', () => {
    expect(page(kadiatou, oumar.id).sanctions).toMatchObject([{ kind: 'suspension', until: expect.stringMatching(/^\d{4}-/), lifted: false }]);
    expect(page(sira, oumar.id)).toMatchObject({ recent: [], sanctions: [], maySanction: false });
  });

  it('only admins sanction those who hold a role: the page says so to a commune moderator', () => {
    expect(page(sira, bakary.id)).toMatchObject({ maySanction: false });
    expect(page(admin, bakary.id)).toMatchObject({ maySanction: true, withoutContent: true });
  });

  it('an unknown person or a malformed id is not found', () => {
    expect(moderationUserPage(ctx(sira), { id: '999999' })).toBeNull();
    expect(moderationUserPage(ctx(sira), { id: '1 OR 1=1' })).toBeNull();
  });
});
