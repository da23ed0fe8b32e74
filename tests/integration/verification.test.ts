import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountCodes, projects, topics, users, votes } from '@/db/schema';
import { hashCode } from '@/lib/accounts/codes';
import { registerUser } from '@/lib/accounts/register-user';
import { updateProfile } from '@/lib/accounts/update-profile';
import { sendVerificationCode, verifyAccount } from '@/lib/accounts/verify-account';
import { verificationView } from '@/lib/accounts/views';
import { tally } from '@/lib/votes/queries';
import { actorOf, addTopic, addUser, auditRows, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';
import { lastCodeSent, messagesTo, otherCode } from '../helpers/codes';

const IP = { ip: '10.0.0.1' };
const PASSWORD = 'Sanu-ka-di-2026';
const T0 = new Date('2027-03-10T10:00:00.000Z');
const secondsAfter = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());

function form(overrides: Record<string, string> = {}) {
  return { displayName: 'Awa Traoré', phone: '', email: '', password: PASSWORD, communeId: String(t.communeId('nioro-du-sahel')), gender: 'woman', birthYear: '2001', language: 'fr', ...overrides };
}

/** The profile form of /account (no password field; currentSecret when the phone changes). */
function profileForm(overrides: Record<string, string>) {
  return Object.fromEntries(Object.entries(form(overrides)).filter(([k]) => k !== 'password'));
}

async function register(fields: Record<string, string>, now = T0) {
  const r = await registerUser(t.db, null, form(fields), { ...IP, now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const row = (id: number) => t.db.select().from(users).where(eq(users.id, id)).get()!;
const verify = (userId: number, code: string, now = T0) => verifyAccount(t.db, actorOf(t.db, userId), { code }, now);
const resend = (userId: number, now: Date, channel = '') => sendVerificationCode(t.db, actorOf(t.db, userId), { channel }, now);

describe('registration sends a 6-digit code, and the code verifies the account', () => {
  it('a phone account: the code goes by SMS, in French; the account is unverified until the code is typed back', async () => {
    const { userId, codeSent } = await register({ phone: '76 12 34 56' });
    expect(codeSent).toBe(true);
    const [sms] = messagesTo(t.db, '+22376123456', 'verification');
    expect(sms).toMatchObject({ channel: 'sms', userId, status: 'queued', expiresAt: minutesAfter(T0, 10).toISOString() });
    expect(sms!.body).toMatch(/^Baro : votre code de vérification est \d{6}\. Il expire dans 10 min\./);
    expect(row(userId)).toMatchObject({ verifiedAt: null, verifiedVia: null });
    expect(actorOf(t.db, userId).verified).toBe(false);

    const code = lastCodeSent(t.db, '+22376123456', 'verification')!;
    // Only an HMAC of the code is stored, never the code.
    const stored = t.db.select().from(accountCodes).where(eq(accountCodes.userId, userId)).get()!;
    expect(stored.codeHash).toBe(hashCode(code));
    expect(JSON.stringify(stored)).not.toContain(code);

    expect(await verify(userId, ` ${code.slice(0, 3)} ${code.slice(3)} `, minutesAfter(T0, 2))).toEqual({ ok: true, value: { thresholdsReached: [] } });
    expect(row(userId)).toMatchObject({ verifiedAt: minutesAfter(T0, 2).toISOString(), verifiedVia: 'sms' });
    expect(actorOf(t.db, userId).verified).toBe(true);
    expect(auditRows(t.db, 'user.verify')).toMatchObject([{ subjectId: userId, details: { via: 'sms' } }]);
    // Used once: the same code again is refused (and the account is verified anyway).
    expect(await verify(userId, code)).toEqual({ ok: false, error: 'rejected', reason: 'alreadyVerified' });
  });

  it('an e-mail-only account verifies by e-mail', async () => {
    const { userId } = await register({ email: 'Awa@Exemple.ml' });
    const [mail] = messagesTo(t.db, 'awa@exemple.ml', 'verification');
    expect(mail).toMatchObject({ channel: 'email', subject: 'Votre code de vérification Baro' });
    expect(await verify(userId, lastCodeSent(t.db, 'awa@exemple.ml', 'verification')!)).toMatchObject({ ok: true });
    expect(row(userId).verifiedVia).toBe('email');
  });

  it('with a phone and an e-mail, the code goes to the phone; the person may ask for one by e-mail instead', async () => {
    const { userId } = await register({ phone: '76 12 34 56', email: 'awa@exemple.ml' });
    expect(messagesTo(t.db, 'awa@exemple.ml')).toHaveLength(0);
    expect(await resend(userId, secondsAfter(T0, 61), 'email')).toEqual({ ok: true, value: { channel: 'email', masked: 'a•••@exemple.ml' } });
    // The SMS code was replaced by the e-mail one.
    expect(await verify(userId, lastCodeSent(t.db, '+22376123456', 'verification')!, secondsAfter(T0, 62))).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'codeWrong' } });
    expect(await verify(userId, lastCodeSent(t.db, 'awa@exemple.ml', 'verification')!, secondsAfter(T0, 63))).toMatchObject({ ok: true });
    expect(row(userId).verifiedVia).toBe('email');
  });

  it('a badly typed code says how it should look, and costs no try', async () => {
    const { userId } = await register({ phone: '76 12 34 56' });
    expect(await verify(userId, '48291')).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'codeFormat' } });
    expect(await verify(userId, '')).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'required' } });
    expect(t.db.select().from(accountCodes).get()!.attempts).toBe(0);
  });
});

describe('5 tries, 10 minutes', () => {
  it('the fifth wrong try closes the code: even the right one is then refused, and a new code works', async () => {
    const { userId } = await register({ phone: '76 12 34 56' });
    const code = lastCodeSent(t.db, '+22376123456', 'verification')!;
    for (let i = 0; i < 4; i++) expect(await verify(userId, otherCode(code))).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'codeWrong' } });
    expect(await verify(userId, otherCode(code))).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'codeTooManyTries' } });
    expect(await verify(userId, code)).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'codeWrong' } });
    expect(row(userId).verifiedAt).toBeNull();

    expect((await resend(userId, secondsAfter(T0, 61))).ok).toBe(true);
    expect(await verify(userId, lastCodeSent(t.db, '+22376123456', 'verification')!, secondsAfter(T0, 70))).toMatchObject({ ok: true });
  });

  it('a code is valid 10 minutes: at 10 minutes and one second it has expired', async () => {
    const { userId } = await register({ phone: '76 12 34 56' });
    const code = lastCodeSent(t.db, '+22376123456', 'verification')!;
    expect(await verify(userId, code, secondsAfter(T0, 601))).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'codeExpired' } });
    expect(await verify(userId, code, secondsAfter(T0, 599))).toMatchObject({ ok: true });
  });
});

describe('resending', () => {
  it('a new code no sooner than 60 s after the last one, and at most 5 codes a day to a phone', async () => {
    const { userId } = await register({ phone: '76 12 34 56' });
    expect(await resend(userId, secondsAfter(T0, 30))).toEqual({ ok: false, error: 'rate_limited', retryAfterSeconds: 30, reason: 'codeResendDelay' });
    for (let i = 1; i <= 4; i++) expect((await resend(userId, minutesAfter(T0, i * 2))).ok).toBe(true);
    // Five codes today (the registration's and four more): the sixth waits until the first leaves the day.
    expect(await resend(userId, minutesAfter(T0, 20))).toMatchObject({ ok: false, error: 'rate_limited', reason: 'codesPerRecipientPerDay' });
    expect(messagesTo(t.db, '+22376123456', 'verification')).toHaveLength(5);
    expect(t.db.select().from(accountCodes).all()).toHaveLength(5);
    expect((await resend(userId, minutesAfter(T0, 24 * 60 + 1))).ok).toBe(true);
  });

  it('a refused resend writes no code: the last code sent still works', async () => {
    const { userId } = await register({ phone: '76 12 34 56' });
    const code = lastCodeSent(t.db, '+22376123456', 'verification')!;
    expect((await resend(userId, secondsAfter(T0, 10))).ok).toBe(false);
    expect(await verify(userId, code, secondsAfter(T0, 11))).toMatchObject({ ok: true });
  });

  it('the page says where the code went, masked; a verified account has nothing left to do', async () => {
    const { userId } = await register({ phone: '76 12 34 56', email: 'awa@exemple.ml' });
    const ctx = { db: t.db, actor: actorOf(t.db, userId), now: minutesAfter(T0, 1) };
    expect(verificationView(ctx)).toEqual({
      verified: false,
      targets: [
        { channel: 'sms', masked: '+223 76 •• •• 56' },
        { channel: 'email', masked: 'a•••@exemple.ml' },
      ],
      pending: { channel: 'sms', masked: '+223 76 •• •• 56', expiresAt: minutesAfter(T0, 10).toISOString() },
    });
    expect(verificationView({ ...ctx, now: minutesAfter(T0, 11) })?.pending).toBeNull();
    await verify(userId, lastCodeSent(t.db, '+22376123456', 'verification')!);
    expect(verificationView(ctx)?.verified).toBe(true);
    expect(await resend(userId, minutesAfter(T0, 5))).toEqual({ ok: false, error: 'rejected', reason: 'alreadyVerified' });
  });

  it('nobody signed in cannot ask for a code or verify', async () => {
    expect(await sendVerificationCode(t.db, null, {}, T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(await verifyAccount(t.db, null, { code: '123456' }, T0)).toEqual({ ok: false, error: 'forbidden' });
  });
});

describe('a changed phone number must be proven again', () => {
  it('changing the phone that verified the account makes it unverified; a code sent to the old number proves nothing', async () => {
    const { userId } = await register({ phone: '76 12 34 56' });
    await verify(userId, lastCodeSent(t.db, '+22376123456', 'verification')!);
    const changed = await updateProfile(t.db, actorOf(t.db, userId), profileForm({ phone: '76 55 44 33', currentSecret: PASSWORD }));
    expect(changed).toEqual({ ok: true, value: { userId, verificationLost: true } });
    expect(actorOf(t.db, userId).verified).toBe(false);
    expect((await resend(userId, minutesAfter(T0, 2))).ok).toBe(true);
    expect(messagesTo(t.db, '+22376554433', 'verification')).toHaveLength(1);
    expect(await verify(userId, lastCodeSent(t.db, '+22376554433', 'verification')!, minutesAfter(T0, 3))).toMatchObject({ ok: true });
    expect(row(userId)).toMatchObject({ verifiedVia: 'sms', phone: '+22376554433' });
  });

  it('a code sent to a number the account no longer has is refused', async () => {
    const { userId } = await register({ phone: '76 12 34 56' });
    const oldCode = lastCodeSent(t.db, '+22376123456', 'verification')!;
    expect((await updateProfile(t.db, actorOf(t.db, userId), profileForm({ phone: '76 55 44 33', currentSecret: PASSWORD }))).ok).toBe(true);
    expect(await verify(userId, oldCode)).toEqual({ ok: false, error: 'invalid', fieldErrors: { code: 'codeWrong' } });
    expect(row(userId).verifiedAt).toBeNull();
  });
});

describe('what an account did before it was verified counts once it is', () => {
  it('its vote enters the tally and the topic’s count when it verifies, and leaves them if it stops being verified', async () => {
    const mayor = await addUser(t, { grants: [{ role: 'official', communeId: t.communeId('nioro-du-sahel'), title: 'Maire' }] });
    const topic = addTopic(t, { authorId: mayor.id, communeId: t.communeId('nioro-du-sahel') });
    const { userId } = await register({ phone: '76 12 34 56' });
    // A vote of an account from before verification existed (the migration made it unverified).
    t.db.insert(votes).values({ topicId: topic.id, userId, choice: 'for' }).run();
    const count = () => t.db.select({ n: topics.voteCount }).from(topics).where(eq(topics.id, topic.id)).get()!.n;
    expect(count()).toBe(0);
    expect(tally(t.db, topic.id, topic.communeId).get('for')).toBeUndefined();
    await verify(userId, lastCodeSent(t.db, '+22376123456', 'verification')!);
    expect(count()).toBe(1);
    expect(tally(t.db, topic.id, topic.communeId).get('for')).toEqual({ residents: 1, others: 0 });
    t.db.update(users).set({ verifiedAt: null }).where(eq(users.id, userId)).run();
    expect(count()).toBe(0);
    expect(tally(t.db, topic.id, topic.communeId).get('for')).toBeUndefined();
  });

  it('its support of a project counts, and a project that now has enough supports reaches its threshold, once', async () => {
    const awa = await addUser(t, { displayName: 'Awa' });
    const threshold = 2;
    const project = t.db
      .insert(projects)
      .values({ communeId: t.communeId('kayes'), authorId: awa.id, title: 'Moulin', problem: 'p', solution: 's', sector: 'women', location: 'Kayes', beneficiaries: ['women'], status: 'collecting', threshold, collectionEndsAt: minutesAfter(T0, 60 * 24 * 30).toISOString(), supportCount: 0 })
      .returning()
      .get();
    const fanta = await addUser(t, { displayName: 'Fanta' });
    const { projectSupports } = await import('@/db/schema');
    t.db.insert(projectSupports).values({ projectId: project.id, userId: fanta.id }).run();
    const { userId } = await register({ phone: '76 12 34 56' });
    t.db.insert(projectSupports).values({ projectId: project.id, userId }).run();
    const current = () => t.db.select().from(projects).where(eq(projects.id, project.id)).get()!;
    expect(current()).toMatchObject({ supportCount: 1, status: 'collecting' });
    expect(await verify(userId, lastCodeSent(t.db, '+22376123456', 'verification')!)).toEqual({ ok: true, value: { thresholdsReached: [project.id] } });
    expect(current()).toMatchObject({ supportCount: 2, status: 'threshold_reached', milestone: 4 });
  });
});
