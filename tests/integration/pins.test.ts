import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { changePin } from '@/lib/accounts/change-pin';
import { loadSessionActor } from '@/lib/accounts/load-actor';
import { isTrivialPin } from '@/lib/accounts/pin';
import { hashSessionId, openSession } from '@/lib/accounts/sessions';
import { registerParticipant } from '@/lib/participants/register-participant';
import { resetParticipantPin } from '@/lib/participants/reset-pin';
import type { ParticipantSlip } from '@/lib/participants/slip';
import { actorOf, addUser, auditRows, makeTestDb, TEST_PASSWORD, type TestDb } from '../helpers/db';

const T0 = new Date('2027-03-10T08:00:00.000Z');
const SLIP_PIN = '284617';
const ROOM = { ip: '41.73.100.7', now: T0 };

let t: TestDb;
let fanta: User;
let slip: ParticipantSlip;

async function register(fields: Record<string, string> = {}) {
  const space = t.spaceId('nioro');
  const r = await registerParticipant(
    t.db,
    actorOf(t.db, fanta.id),
    { spaceId: String(space), displayName: 'Kadiatou Dembélé', communeId: String(t.communeId('nioro-du-sahel')), gender: 'woman', birthYear: '1998', language: 'fr', consent: 'yes', consentDate: '2027-03-10', ...fields },
    { now: T0, pin: () => SLIP_PIN },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

beforeEach(async () => {
  t = makeTestDb();
  fanta = await addUser(t, { grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
  slip = await register();
});
afterEach(() => t.cleanup());

const pending = (userId: number) => t.db.select({ p: users.pinChoicePending }).from(users).where(eq(users.id, userId)).get()!.p;
const session = (userId: number) => {
  const sv = t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!.v;
  return openSession(t.db, { userId, sessionVersion: sv }, T0).id;
};
const load = (userId: number, sessionId: string) => loadSessionActor(t.db, { userId, sessionId }, { now: T0 });

describe('a participant chooses their own PIN', () => {
  it('a new participant is asked to choose a PIN at first sign-in, unless the facilitator let them keep the slip’s', async () => {
    expect(pending(slip.userId)).toBe(true);
    const keeps = await register({ displayName: 'Mariam Sow', keepSlip: 'yes' });
    expect(pending(keeps.userId)).toBe(false);
  });

  it('with the slip’s PIN, a new PIN twice: this device stays signed in, others end, the old PIN stops working', async () => {
    const here = session(slip.userId);
    const elsewhere = session(slip.userId);
    const r = await changePin(t.db, load(slip.userId, here), { currentPin: SLIP_PIN, newPin: '730 519', confirmPin: '730519' }, { ...ROOM, keepSessionHash: hashSessionId(here) });
    expect(r).toEqual({ ok: true, value: null });
    expect(pending(slip.userId)).toBe(false);
    expect(load(slip.userId, here)?.id).toBe(slip.userId);
    expect(load(slip.userId, elsewhere)).toBeNull();
    expect((await authenticate(t.db, { identifier: slip.code, password: SLIP_PIN }, ROOM)).ok).toBe(false);
    expect((await authenticate(t.db, { identifier: slip.code, password: '730519' }, ROOM)).ok).toBe(true);
    expect(auditRows(t.db, 'user.pin_change')).toMatchObject([{ actorId: slip.userId, subjectId: slip.userId }]);
  });

  it('a wrong current PIN, a mismatch, a trivial or unchanged PIN are refused and change nothing', async () => {
    const actor = actorOf(t.db, slip.userId);
    expect(await changePin(t.db, actor, { currentPin: '000000', newPin: '730519', confirmPin: '730519' }, ROOM)).toEqual({ ok: false, error: 'invalid', fieldErrors: { currentPin: 'currentSecretWrong' } });
    expect(await changePin(t.db, actor, { currentPin: SLIP_PIN, newPin: '730519', confirmPin: '730518' }, ROOM)).toEqual({ ok: false, error: 'invalid', fieldErrors: { confirmPin: 'pinMismatch' } });
    for (const newPin of ['000000', '123456', '121212', '199819', '989800']) {
      expect(await changePin(t.db, actor, { currentPin: SLIP_PIN, newPin, confirmPin: newPin }, ROOM)).toEqual({ ok: false, error: 'invalid', fieldErrors: { newPin: 'pinTrivial' } });
    }
    expect(await changePin(t.db, actor, { currentPin: SLIP_PIN, newPin: SLIP_PIN, confirmPin: SLIP_PIN }, ROOM)).toEqual({ ok: false, error: 'invalid', fieldErrors: { newPin: 'pinUnchanged' } });
    expect(await changePin(t.db, actor, { currentPin: SLIP_PIN, newPin: '73051', confirmPin: '73051' }, ROOM)).toMatchObject({ fieldErrors: { newPin: 'pinFormat' } });
    expect(pending(slip.userId)).toBe(true);
    expect((await authenticate(t.db, { identifier: slip.code, password: SLIP_PIN }, { ip: '10.0.0.9' })).ok).toBe(true);
  });

  it('wrong current PINs are throttled like sign-in: the 5th already waits', async () => {
    const actor = actorOf(t.db, slip.userId);
    for (let i = 0; i < 4; i++) await changePin(t.db, actor, { currentPin: `99999${i}`, newPin: '730519', confirmPin: '730519' }, ROOM);
    expect(await changePin(t.db, actor, { currentPin: '999995', newPin: '730519', confirmPin: '730519' }, ROOM)).toMatchObject({ error: 'rate_limited' });
    expect(await changePin(t.db, actor, { currentPin: SLIP_PIN, newPin: '730519', confirmPin: '730519' }, ROOM)).toMatchObject({ error: 'rate_limited' });
  });

  it('only code-and-PIN accounts have a PIN to change', async () => {
    const awa = await addUser(t, { phone: '+22376123456' });
    expect(await changePin(t.db, actorOf(t.db, awa.id), { currentPin: TEST_PASSWORD, newPin: '730519', confirmPin: '730519' }, ROOM)).toEqual({ ok: false, error: 'forbidden' });
    expect(await changePin(t.db, null, { currentPin: SLIP_PIN, newPin: '730519', confirmPin: '730519' }, ROOM)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('a PIN reset asks again for a chosen PIN, unless the facilitator ticks "keep this PIN"', async () => {
    await changePin(t.db, actorOf(t.db, slip.userId), { currentPin: SLIP_PIN, newPin: '730519', confirmPin: '730519' }, ROOM);
    await resetParticipantPin(t.db, actorOf(t.db, fanta.id), { participantId: String(slip.userId), present: 'yes' }, { now: T0, pin: () => '402913' });
    expect(pending(slip.userId)).toBe(true);
    await resetParticipantPin(t.db, actorOf(t.db, fanta.id), { participantId: String(slip.userId), present: 'yes', keepSlip: 'yes' }, { now: T0, pin: () => '402914' });
    expect(pending(slip.userId)).toBe(false);
  });
});

describe('trivial PINs', () => {
  it.each(['000000', '111111', '999999', '123456', '234567', '890123', '654321', '987654', '121212', '123123', '112233', '159753'])('%s is refused', (pin) => {
    expect(isTrivialPin(pin)).toBe(true);
  });
  it.each([['199801', 1998], ['011998', 1998], ['989812', 1998]] as const)('%s is refused for someone born in %i', (pin, year) => {
    expect(isTrivialPin(pin, year)).toBe(true);
    expect(isTrivialPin(pin, 1975)).toBe(false);
  });
  it.each(['730519', '284617', '402913', '051937'])('%s is accepted', (pin) => {
    expect(isTrivialPin(pin, 1998)).toBe(false);
  });
});
