import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listNotifications } from '@/db/queries/notifications';
import { notifications, type NotificationKind, type User } from '@/db/schema';
import { cancelMeeting } from '@/lib/meetings/cancel-meeting';
import { publishMinutes } from '@/lib/meetings/publish-minutes';
import { registerForMeeting } from '@/lib/meetings/register-for-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { updateMeeting } from '@/lib/meetings/update-meeting';
import { updateNotificationPreferences } from '@/lib/notifications/manage';
import { atOnce } from '../helpers/at-once';
import { actorOf, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';

const NOW = new Date('2027-03-10T09:00:00.000Z');
const STARTS = '2027-03-20T15:00';
const AFTER = new Date('2027-03-20T17:00:00.000Z');
const MEETING = {
  title: 'Débat sur le forage de Tata',
  startsAt: STARTS,
  place: 'Salle de l’espace connecté, près de la mairie',
  agenda: '1. Présentation du projet\n2. Questions des habitantes\n3. Gestion du point d’eau',
  topicId: '',
  projectId: '',
};

let t: TestDb;
let space: number;
let fanta: User; // facilitator of the Nioro space
let maire: User; // official of Nioro
let awa: User;
let moussa: User;
let kadia: User;
let meetingId: number;

beforeEach(async () => {
  t = makeTestDb();
  space = t.spaceId('nioro');
  const nioro = t.communeId('nioro-du-sahel');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: space }] });
  maire = await addUser(t, { displayName: 'Maire de Nioro', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', communeId: nioro });
  kadia = await addUser(t, { displayName: 'Kadia Keïta', communeId: nioro });
  const r = scheduleMeeting(t.db, actorOf(t.db, fanta.id), { spaceId: String(space), ...MEETING }, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r));
  meetingId = r.value.meetingId;
  // Awa, Moussa and Fanta herself register; Kadia registers and then takes her place back.
  for (const u of [awa, moussa, fanta, kadia]) expect(register(u)).toMatchObject({ ok: true });
  expect(register(kadia, 'unregister')).toEqual({ ok: true, value: { meetingId: expect.any(Number), registered: false, count: 3 } });
});
afterEach(() => t.cleanup());

const register = (u: User, intent: 'register' | 'unregister' = 'register') =>
  registerForMeeting(t.db, actorOf(t.db, u.id), { meetingId: String(meetingId), intent }, NOW);
const edit = (by: User, fields: Record<string, string>) =>
  updateMeeting(t.db, actorOf(t.db, by.id), { meetingId: String(meetingId), ...MEETING, ...fields }, NOW);
const minutes = (text: string, woman = '12') =>
  publishMinutes(t.db, actorOf(t.db, fanta.id), { meetingId: String(meetingId), minutes: text, att_woman_25_35: woman, att_man_36plus: '9' }, AFTER);

/** Who received a notification of this kind about the meeting, one entry per notification. */
function recipients(kind: NotificationKind): string[] {
  const names = new Map([fanta, maire, awa, moussa, kadia].map((u) => [u.id, u.displayName]));
  return t.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.meetingId, meetingId)))
    .all()
    .map((r) => names.get(r.userId) ?? String(r.userId))
    .sort();
}

describe('a meeting one registered for is changed', () => {
  it('a new date notifies each registered person once, never the person acting nor someone who withdrew', () => {
    expect(edit(maire, { startsAt: '2027-03-21T10:00' })).toMatchObject({ ok: true });
    // Fanta registered too: she is told of the official's change; the official, not registered, is not.
    expect(recipients('meeting.changed')).toEqual(['Awa Traoré', 'Fanta Sissoko', 'Moussa Diarra']);
    const row = t.db.select().from(notifications).where(eq(notifications.userId, awa.id)).get()!;
    expect(row).toMatchObject({ kind: 'meeting.changed', meetingId, actorId: maire.id, readAt: null, topicId: null, projectId: null });

    // The person acting is never among them, even when registered.
    expect(edit(fanta, { place: 'Cour de l’école du quartier Tata' })).toMatchObject({ ok: true });
    expect(recipients('meeting.changed')).toEqual(['Awa Traoré', 'Fanta Sissoko', 'Moussa Diarra', 'Awa Traoré', 'Moussa Diarra'].sort());
  });

  it('a new place or a new agenda notifies; saving without change, a new title alone or a refused edit does not', () => {
    expect(edit(fanta, {})).toMatchObject({ ok: true });
    expect(edit(fanta, { title: 'Débat public sur le forage de Tata' })).toMatchObject({ ok: true });
    expect(edit(fanta, { startsAt: '2027-03-01T10:00' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(edit(awa, { place: 'Chez Awa, quartier Tata' })).toEqual({ ok: false, error: 'forbidden' });
    expect(recipients('meeting.changed')).toEqual([]);

    expect(edit(fanta, { title: 'Débat public sur le forage de Tata', agenda: '1. Présentation du projet\n2. Le comité de gestion' })).toMatchObject({ ok: true });
    expect(recipients('meeting.changed')).toEqual(['Awa Traoré', 'Moussa Diarra']);
    expect(auditRows(t.db, 'meeting.update')).toHaveLength(3);
  });

  it('is always delivered, even to someone who turned every notification off', () => {
    expect(updateNotificationPreferences(t.db, actorOf(t.db, awa.id), {})).toEqual({ ok: true, value: null });
    expect(edit(fanta, { place: 'Cour de l’école du quartier Tata' })).toMatchObject({ ok: true });
    expect(recipients('meeting.changed')).toEqual(['Awa Traoré', 'Moussa Diarra']);
  });

  it('the notification centre gets the meeting, its new date and place', () => {
    expect(edit(fanta, { startsAt: '2027-03-22T16:30', place: 'Cour de l’école du quartier Tata' })).toMatchObject({ ok: true });
    const [n] = listNotifications(t.db, awa.id);
    expect(n).toMatchObject({
      kind: 'meeting.changed',
      meetingId,
      meetingTitle: MEETING.title,
      meetingStartsAt: '2027-03-22T16:30:00.000Z',
      meetingPlace: 'Cour de l’école du quartier Tata',
      actorName: 'Fanta Sissoko',
    });
  });
});

describe('a meeting one registered for is cancelled', () => {
  it('each registered person is told once, not the person cancelling nor someone who withdrew', () => {
    expect(cancelMeeting(t.db, actorOf(t.db, fanta.id), { meetingId: String(meetingId) }, NOW)).toMatchObject({ ok: true });
    expect(recipients('meeting.cancelled')).toEqual(['Awa Traoré', 'Moussa Diarra']);
    // A second cancel is refused and tells nobody again.
    expect(cancelMeeting(t.db, actorOf(t.db, maire.id), { meetingId: String(meetingId) }, NOW)).toEqual({ ok: false, error: 'forbidden' });
    expect(recipients('meeting.cancelled')).toEqual(['Awa Traoré', 'Moussa Diarra']);
    expect(recipients('meeting.changed')).toEqual([]);
    expect(auditRows(t.db, 'meeting.cancel')).toHaveLength(1);
  });

  it('two cancellations at the same instant tell each person once', async () => {
    const calls = [fanta, maire].map((u) => ({ actor: { ...actorOf(t.db, u.id) }, input: { meetingId: String(meetingId) } }));
    const results = (await atOnce(t.file, 'lib/meetings/cancel-meeting.ts', 'cancelMeeting', calls, NOW)) as { ok: boolean }[];
    expect(results.some((r) => r.ok)).toBe(true);
    expect(auditRows(t.db, 'meeting.cancel')).toHaveLength(1);
    const told = recipients('meeting.cancelled');
    expect(told.filter((n) => n === 'Awa Traoré')).toHaveLength(1);
    expect(told.filter((n) => n === 'Moussa Diarra')).toHaveLength(1);
  });

  it('a meeting nobody registered for notifies nobody', () => {
    for (const u of [awa, moussa, fanta]) expect(register(u, 'unregister')).toMatchObject({ ok: true });
    expect(cancelMeeting(t.db, actorOf(t.db, maire.id), { meetingId: String(meetingId) }, NOW)).toMatchObject({ ok: true });
    expect(t.db.select().from(notifications).all()).toEqual([]);
  });
});

describe('minutes of a meeting one registered for', () => {
  it('their first publication notifies the registered people; a correction does not', () => {
    expect(minutes('Les habitantes veulent un comité de gestion du forage.')).toMatchObject({ ok: true });
    expect(recipients('meeting.minutes')).toEqual(['Awa Traoré', 'Moussa Diarra']);
    expect(minutes('Les habitantes veulent un comité de gestion du forage, présidé par une femme.', '13')).toMatchObject({ ok: true });
    expect(recipients('meeting.minutes')).toEqual(['Awa Traoré', 'Moussa Diarra']);
    expect(auditRows(t.db, 'meeting.minutes')).toHaveLength(1);
    expect(auditRows(t.db, 'meeting.minutes_update')).toHaveLength(1);
  });

  it('the same minutes sent twice at the same instant: one is the first, the other a correction, each person told once', async () => {
    const calls = [fanta, fanta].map((u, i) => ({
      actor: { ...actorOf(t.db, u.id) },
      input: { meetingId: String(meetingId), minutes: `Compte rendu numéro ${i + 1} : les habitantes veulent un comité.`, att_woman_25_35: '12' },
    }));
    const results = (await atOnce(t.file, 'lib/meetings/publish-minutes.ts', 'publishMinutes', calls, AFTER)) as { ok: boolean }[];
    expect(results.every((r) => r.ok)).toBe(true);
    expect(auditRows(t.db, 'meeting.minutes')).toHaveLength(1);
    expect(auditRows(t.db, 'meeting.minutes_update')).toHaveLength(1);
    expect(recipients('meeting.minutes')).toEqual(['Awa Traoré', 'Moussa Diarra']);
  });

  it('refused minutes notify nobody, and the next valid ones are still the first', () => {
    expect(minutes('Les habitantes veulent un comité.', '-3')).toMatchObject({ ok: false, error: 'invalid' });
    expect(recipients('meeting.minutes')).toEqual([]);
    expect(minutes('Les habitantes veulent un comité de gestion du forage.')).toMatchObject({ ok: true });
    expect(recipients('meeting.minutes')).toEqual(['Awa Traoré', 'Moussa Diarra']);
  });
});
