import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions, sharedDevices, users, type User } from '@/db/schema';
import { loadSessionActor } from '@/lib/accounts/load-actor';
import { DEFAULT_SESSION_RULES, endSession, hashSessionId, openSession, refreshEveryMs } from '@/lib/accounts/sessions';
import { markSharedDevice, unmarkSharedDevice } from '@/lib/shared-devices/mark-device';
import { cookieFromHeader, findActiveDevice } from '@/lib/shared-devices/token';
import { actorOf, addUser, auditRows, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

const IDLE_MS = 10 * 60_000;
const T0 = new Date('2027-03-10T09:00:00.000Z');

let t: TestDb;
let fanta: User;
let awa: User;
let token: string;
let deviceId: number;

beforeEach(async () => {
  t = makeTestDb();
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: t.communeId('nioro-du-sahel'), grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: t.communeId('nioro-du-sahel') });
  const marked = markSharedDevice(t.db, actorOf(t.db, fanta.id), { spaceId: String(t.spaceId('nioro')), label: 'Poste 1' }, { now: T0 });
  if (!marked.ok) throw new Error(JSON.stringify(marked));
  ({ token, deviceId } = marked.value);
});
afterEach(() => t.cleanup());

const RULES = { ...DEFAULT_SESSION_RULES, sharedIdleMs: IDLE_MS };

/** Signing in on a browser (with its shared-computer mark, if any): the session id the cookie carries. */
function openDeviceSession(db: TestDb['db'], input: { userId: number; token: string | null }, at: Date): string | null {
  const sv = db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, input.userId)).get()!.v;
  const opened = openSession(db, { userId: input.userId, sessionVersion: sv, deviceToken: input.token, userAgent: null }, at);
  return opened.sharedDeviceId === null ? null : opened.id;
}

/** An ordinary session (a browser without the mark, or signed in before it was marked). */
const personalSession = (at: Date, user: User = awa) => openSession(t.db, { userId: user.id, sessionVersion: 1, deviceToken: null }, at).id;

/** What getActor does on each request: the claims of the session cookie, and this browser's mark. */
function request(sessionId: string | null, at: Date, deviceToken: string | null = token, user: User = awa) {
  return loadSessionActor(t.db, sessionId ? { userId: user.id, sessionId } : null, { deviceToken, rules: RULES, now: at });
}

const endDeviceSession = (db: TestDb['db'], id: string, reason: 'sign_out' | 'idle', at: Date) => endSession(db, hashSessionId(id), reason, at);

const row = (id: string) => t.db.select().from(sessions).where(eq(sessions.idHash, hashSessionId(id))).get()!;

describe('marking a browser as a shared computer', () => {
  it('a facilitator of the space marks it: only the hash of the token is stored, and the act is audited', () => {
    const device = t.db.select().from(sharedDevices).where(eq(sharedDevices.id, deviceId)).get()!;
    expect(device.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(device.tokenHash).not.toContain(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(device).toMatchObject({ spaceId: t.spaceId('nioro'), label: 'Poste 1', markedBy: fanta.id, revokedAt: null });
    expect(findActiveDevice(t.db, token)?.id).toBe(deviceId);
    expect(auditRows(t.db, 'device.mark_shared')).toMatchObject([{ actorId: fanta.id, subjectType: 'shared_device', subjectId: deviceId }]);
  });

  it('a citizen, or the facilitator of another space, may not; a browser already marked is not marked twice', async () => {
    const other = await addUser(t, { displayName: 'Animateur de Kayes', grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
    const nioro = String(t.spaceId('nioro'));
    expect(markSharedDevice(t.db, actorOf(t.db, awa.id), { spaceId: nioro, label: '' })).toEqual({ ok: false, error: 'forbidden' });
    expect(markSharedDevice(t.db, actorOf(t.db, other.id), { spaceId: nioro, label: '' })).toEqual({ ok: false, error: 'forbidden' });
    expect(markSharedDevice(t.db, null, { spaceId: nioro, label: '' })).toEqual({ ok: false, error: 'forbidden' });
    expect(markSharedDevice(t.db, actorOf(t.db, fanta.id), { spaceId: nioro, label: '' }, { currentToken: token })).toEqual({
      ok: false,
      error: 'conflict',
      fieldErrors: { _form: 'deviceAlreadyShared' },
    });
    expect(markSharedDevice(t.db, actorOf(t.db, fanta.id), { spaceId: '99999', label: '' })).toEqual({ ok: false, error: 'not_found' });
    expect(markSharedDevice(t.db, actorOf(t.db, fanta.id), { spaceId: nioro, label: 'x'.repeat(61) })).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { label: 'tooLong' } });
    expect(t.db.select().from(sharedDevices).all()).toHaveLength(1);
  });

  it('reads the mark from the Cookie header of the sign-in request, and nothing that merely looks like it', () => {
    expect(cookieFromHeader(`a=1; baro-shared-device=${token}; b=2`, 'baro-shared-device')).toBe(token);
    expect(cookieFromHeader('xbaro-shared-device=abc', 'baro-shared-device')).toBeNull();
    expect(cookieFromHeader('baro-shared-device=%E0%A4%A', 'baro-shared-device')).toBeNull();
    expect(cookieFromHeader(null, 'baro-shared-device')).toBeNull();
    expect(findActiveDevice(t.db, "' OR 1=1 --")).toBeUndefined();
    expect(findActiveDevice(t.db, crypto.randomBytes(32).toString('base64url'))).toBeUndefined();
  });
});

describe('a session on a shared computer ends after 10 minutes without a request, on the server', () => {
  it('signing in on the marked browser opens a session of that computer', () => {
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row(id)).toMatchObject({ userId: awa.id, sharedDeviceId: deviceId, lastSeenAt: T0.toISOString(), endedAt: null, endReason: null });
    expect(request(id, T0)).toMatchObject({ id: awa.id, sharedSession: { expiresAt: minutesAfter(T0, 10), remainingMs: 10 * 60_000 } });
  });

  it('idle for 9 minutes: still signed in, and the clock starts again from this request', () => {
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    const at = minutesAfter(T0, 9);
    expect(request(id, at)?.id).toBe(awa.id);
    expect(row(id).lastSeenAt).toBe(at.toISOString());
    // 9 more minutes (18 since signing in): still fine, because the last request reset the clock
    expect(request(id, minutesAfter(T0, 18))?.sharedSession?.expiresAt).toEqual(minutesAfter(T0, 28));
  });

  it('idle for 11 minutes: nobody is signed in, and the session is ended as "idle" for good', () => {
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    expect(request(id, minutesAfter(T0, 11))).toBeNull();
    expect(row(id)).toMatchObject({ endedAt: minutesAfter(T0, 11).toISOString(), endReason: 'idle' });
    // coming back later does not revive it
    expect(request(id, minutesAfter(T0, 12))).toBeNull();
    expect(row(id).endReason).toBe('idle');
  });

  it('writes last_seen_at at most every 30 seconds', () => {
    expect(refreshEveryMs(IDLE_MS)).toBe(30_000);
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    request(id, new Date(T0.getTime() + 20_000));
    expect(row(id).lastSeenAt).toBe(T0.toISOString());
    request(id, new Date(T0.getTime() + 31_000));
    expect(row(id).lastSeenAt).toBe(new Date(T0.getTime() + 31_000).toISOString());
  });

  it('signing out ends it on the server: the same cookie no longer signs anyone in', () => {
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    endDeviceSession(t.db, id, 'sign_out', minutesAfter(T0, 2));
    expect(row(id)).toMatchObject({ endReason: 'sign_out', endedAt: minutesAfter(T0, 2).toISOString() });
    expect(request(id, minutesAfter(T0, 3))).toBeNull();
    // ending it again keeps the first reason
    endDeviceSession(t.db, id, 'idle', minutesAfter(T0, 20));
    expect(row(id).endReason).toBe('sign_out');
  });

  it('the next person signing in on the same browser ends a session left open', async () => {
    const moussa = await addUser(t, { displayName: 'Moussa Diarra' });
    const first = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    const second = openDeviceSession(t.db, { userId: moussa.id, token }, minutesAfter(T0, 3))!;
    expect(row(first).endReason).toBe('replaced');
    expect(request(first, minutesAfter(T0, 4))).toBeNull();
    expect(request(second, minutesAfter(T0, 4), token, moussa)?.id).toBe(moussa.id);
  });

  it('a device session id is only good for the person it was opened for', async () => {
    const moussa = await addUser(t, { displayName: 'Moussa Diarra' });
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    expect(request(id, T0, token, moussa)).toBeNull();
    expect(request('made-up-session-id', T0)).toBeNull();
  });

  it('a session opened before the browser was marked (or elsewhere) is not valid on the shared computer', () => {
    const before = personalSession(T0);
    expect(request(before, T0, token)).toBeNull();
    expect(request(before, T0, null)?.id).toBe(awa.id);
  });

  it('an unmarked computer: its open sessions end ("unmarked"), and new sign-ins there are ordinary ones', () => {
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    expect(unmarkSharedDevice(t.db, actorOf(t.db, awa.id), { deviceId: String(deviceId) })).toEqual({ ok: false, error: 'forbidden' });
    expect(unmarkSharedDevice(t.db, actorOf(t.db, fanta.id), { deviceId: String(deviceId) }, minutesAfter(T0, 1))).toEqual({ ok: true, value: { deviceId } });
    expect(row(id)).toMatchObject({ endReason: 'unmarked' });
    expect(request(id, minutesAfter(T0, 2))).toBeNull();
    expect(findActiveDevice(t.db, token)).toBeUndefined();
    expect(openDeviceSession(t.db, { userId: awa.id, token }, minutesAfter(T0, 3))).toBeNull();
    // the old cookie no longer marks anything: an ordinary session works again on that browser
    expect(request(personalSession(minutesAfter(T0, 3)), minutesAfter(T0, 3), token)?.id).toBe(awa.id);
    expect(auditRows(t.db, 'device.unmark_shared')).toMatchObject([{ actorId: fanta.id, subjectId: deviceId, details: { sessionsEnded: 1 } }]);
    expect(unmarkSharedDevice(t.db, actorOf(t.db, fanta.id), { deviceId: String(deviceId) })).toEqual({ ok: false, error: 'not_found' });
  });

  it('a device revoked without going through unmarking still ends its sessions at their next request', () => {
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    t.db.update(sharedDevices).set({ revokedAt: minutesAfter(T0, 1).toISOString() }).where(eq(sharedDevices.id, deviceId)).run();
    expect(request(id, minutesAfter(T0, 2))).toBeNull();
    expect(row(id).endReason).toBe('unmarked');
  });

  it('an ordinary browser is unaffected: not a shared computer’s session, no 10-minute limit', () => {
    expect(openDeviceSession(t.db, { userId: awa.id, token: null }, T0)).toBeNull();
    const actor = request(personalSession(T0), minutesAfter(T0, 60 * 24), null);
    expect(actor?.id).toBe(awa.id);
    expect(actor).not.toHaveProperty('sharedSession');
    expect(t.db.select().from(sessions).all().every((s) => s.sharedDeviceId === null)).toBe(true);
  });

  it('sign out everywhere also ends a shared-computer session', async () => {
    const id = openDeviceSession(t.db, { userId: awa.id, token }, T0)!;
    t.db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, awa.id)).run();
    expect(request(id, T0)).toBeNull();
  });
});
