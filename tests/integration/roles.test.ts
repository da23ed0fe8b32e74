import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { roleGrants, type User } from '@/db/schema';
import { loadActor } from '@/lib/accounts/load-actor';
import { can } from '@/lib/permissions';
import { grantRole } from '@/lib/roles/grant-role';
import { revokeRole } from '@/lib/roles/revoke-role';
import { actorOf, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let admin: User;
let bakary: User;
beforeEach(async () => {
  t = makeTestDb();
  admin = await addUser(t, { displayName: 'Administration Baro', email: 'admin@baro.ml', grants: [{ role: 'admin' }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', phone: '+22376000004', communeId: t.communeId('nioro-du-sahel') });
});
afterEach(() => t.cleanup());

const asAdmin = () => actorOf(t.db, admin.id);
const grantsOf = (userId: number) => t.db.select().from(roleGrants).where(eq(roleGrants.userId, userId)).all();

describe('granting a role', () => {
  it('an admin makes someone the official of a commune, with a public title', () => {
    const nioro = t.communeId('nioro-du-sahel');
    const r = grantRole(t.db, asAdmin(), {
      userId: String(bakary.id),
      role: 'official',
      communeId: String(nioro),
      title: '  Maire de Nioro du Sahel ',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(grantsOf(bakary.id)).toMatchObject([
      {
        id: r.value.grantId,
        role: 'official',
        communeId: nioro,
        spaceId: null,
        title: 'Maire de Nioro du Sahel',
        grantedBy: admin.id,
        revokedAt: null,
        revokedBy: null,
      },
    ]);
    const audit = auditRows(t.db, 'role.grant');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      subjectType: 'user',
      subjectId: bakary.id,
      details: { grantId: r.value.grantId, role: 'official', communeId: nioro, spaceId: null, title: 'Maire de Nioro du Sahel' },
    });
  });

  it('an official needs a commune and a title', () => {
    const missingBoth = grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'official' });
    expect(missingBoth).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { communeId: 'communeRequired', title: 'titleRequired' },
    });
    const blankTitle = grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'official', communeId: t.communeId('kayes'), title: '  ' });
    expect(blankTitle).toEqual({ ok: false, error: 'invalid', fieldErrors: { title: 'titleRequired' } });
    const noCommune = grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'official', communeId: '', title: 'Maire' });
    expect(noCommune).toEqual({ ok: false, error: 'invalid', fieldErrors: { communeId: 'communeRequired' } });
    const unknownCommune = grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'official', communeId: 9999, title: 'Maire' });
    expect(unknownCommune).toEqual({ ok: false, error: 'invalid', fieldErrors: { communeId: 'communeRequired' } });
    expect(grantsOf(bakary.id)).toEqual([]);
    expect(auditRows(t.db, 'role.grant')).toEqual([]);
  });

  it('a facilitator needs a connected space; a commune or title given along is not stored', () => {
    expect(grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'facilitator' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { spaceId: 'spaceRequired' },
    });
    expect(grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'facilitator', spaceId: 9999 })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { spaceId: 'spaceRequired' },
    });
    const r = grantRole(t.db, asAdmin(), {
      userId: bakary.id,
      role: 'facilitator',
      spaceId: String(t.spaceId('nioro')),
      communeId: t.communeId('kayes'),
      title: 'Chef',
    });
    expect(r.ok).toBe(true);
    expect(grantsOf(bakary.id)).toMatchObject([
      { role: 'facilitator', spaceId: t.spaceId('nioro'), communeId: null, title: null, grantedBy: admin.id },
    ]);
    expect(auditRows(t.db, 'role.grant')).toHaveLength(1);
  });

  it('a moderator with no commune moderates every commune', () => {
    const r = grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'moderator', communeId: '' });
    expect(r.ok).toBe(true);
    expect(grantsOf(bakary.id)).toMatchObject([{ role: 'moderator', communeId: null, spaceId: null, title: null }]);
    const actor = actorOf(t.db, bakary.id);
    expect(actor.grants).toEqual([{ role: 'moderator', communeId: null, spaceId: null }]);
    expect(auditRows(t.db, 'role.grant')[0]?.details).toMatchObject({ role: 'moderator', communeId: null });
  });

  it('each grant writes exactly one audit row', () => {
    grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'moderator', communeId: t.communeId('kayes') });
    grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'official', communeId: t.communeId('gogui'), title: 'Maire de Gogui' });
    grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'admin' });
    const grants = grantsOf(bakary.id);
    const audit = auditRows(t.db, 'role.grant');
    expect(grants).toHaveLength(3);
    expect(audit.map((a) => (a.details as { grantId: number }).grantId)).toEqual(grants.map((g) => g.id));
    expect(audit.map((a) => (a.details as { role: string }).role)).toEqual(['moderator', 'official', 'admin']);
  });

  it('the same role cannot be granted twice while active; a different commune is a different grant', () => {
    const kayes = t.communeId('kayes');
    expect(grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'moderator', communeId: kayes }).ok).toBe(true);
    expect(grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'moderator', communeId: String(kayes) })).toEqual({
      ok: false,
      error: 'conflict',
      fieldErrors: { role: 'alreadyGranted' },
    });
    expect(auditRows(t.db, 'role.grant')).toHaveLength(1);
    expect(grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'moderator', communeId: t.communeId('gogui') }).ok).toBe(true);
    expect(grantsOf(bakary.id)).toHaveLength(2);
  });

  it('a citizen, an official or a suspended admin cannot grant roles, and nothing is written', async () => {
    const citizen = await addUser(t, { phone: '+22376000001' });
    const official = await addUser(t, {
      phone: '+22376000005',
      grants: [{ role: 'official', communeId: t.communeId('kayes'), title: 'Maire de Kayes' }],
    });
    const suspendedAdmin = await addUser(t, {
      email: 'ancien-admin@baro.ml',
      suspendedUntil: new Date(Date.now() + 86_400_000).toISOString(),
      grants: [{ role: 'admin' }],
    });
    for (const who of [citizen, official, suspendedAdmin]) {
      expect(grantRole(t.db, actorOf(t.db, who.id), { userId: bakary.id, role: 'admin' })).toEqual({
        ok: false,
        error: 'forbidden',
      });
    }
    expect(grantRole(t.db, null, { userId: bakary.id, role: 'admin' })).toEqual({ ok: false, error: 'forbidden' });
    expect(grantsOf(bakary.id)).toEqual([]);
    expect(auditRows(t.db, 'role.grant')).toEqual([]);
  });

  it('an admin cannot change their own roles', () => {
    expect(grantRole(t.db, asAdmin(), { userId: admin.id, role: 'moderator', communeId: '' })).toEqual({
      ok: false,
      error: 'forbidden',
    });
    const [own] = grantsOf(admin.id);
    expect(revokeRole(t.db, asAdmin(), { grantId: own!.id })).toEqual({ ok: false, error: 'forbidden' });
    expect(grantsOf(admin.id)).toMatchObject([{ role: 'admin', revokedAt: null }]);
  });

  it('a person who does not exist, a role that does not exist or an unknown field is refused', () => {
    expect(grantRole(t.db, asAdmin(), { userId: 9999, role: 'admin' })).toEqual({ ok: false, error: 'not_found' });
    expect(grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'mayor' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { role: 'invalidChoice' },
    });
    expect(grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'admin', grantedBy: 1 })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { _form: 'unknownField' },
    });
    expect(auditRows(t.db, 'role.grant')).toEqual([]);
  });

  it('if the audit row cannot be written, the role is not granted either', () => {
    t.db.$client.exec(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
    );
    expect(() => grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'admin' })).toThrow('audit unavailable');
    expect(grantsOf(bakary.id)).toEqual([]);
  });
});

describe('revoking a role', () => {
  function grantModerator() {
    const r = grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'moderator', communeId: t.communeId('kayes') });
    if (!r.ok) throw new Error('grant failed');
    return r.value.grantId;
  }

  it('keeps the grant with who revoked it and when, and writes one "role.revoke" row', () => {
    const grantId = grantModerator();
    const before = Date.now();
    expect(revokeRole(t.db, asAdmin(), { grantId: String(grantId) })).toEqual({ ok: true, value: { grantId } });
    const [row] = grantsOf(bakary.id);
    expect(row).toMatchObject({ id: grantId, revokedBy: admin.id });
    expect(Date.parse(row!.revokedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(row!.revokedAt!)).toBeLessThanOrEqual(Date.now() + 1000);
    const audit = auditRows(t.db, 'role.revoke');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      subjectType: 'user',
      subjectId: bakary.id,
      details: { grantId, role: 'moderator', communeId: t.communeId('kayes'), spaceId: null },
    });
  });

  it('a grant already revoked, or one that never existed, is not found', () => {
    const grantId = grantModerator();
    expect(revokeRole(t.db, asAdmin(), { grantId }).ok).toBe(true);
    expect(revokeRole(t.db, asAdmin(), { grantId })).toEqual({ ok: false, error: 'not_found' });
    expect(revokeRole(t.db, asAdmin(), { grantId: 9999 })).toEqual({ ok: false, error: 'not_found' });
    expect(auditRows(t.db, 'role.revoke')).toHaveLength(1);
  });

  it('a citizen cannot revoke anyone’s role', async () => {
    const grantId = grantModerator();
    const citizen = await addUser(t, { phone: '+22376000001' });
    expect(revokeRole(t.db, actorOf(t.db, citizen.id), { grantId })).toEqual({ ok: false, error: 'forbidden' });
    expect(revokeRole(t.db, null, { grantId })).toEqual({ ok: false, error: 'forbidden' });
    expect(grantsOf(bakary.id)).toMatchObject([{ revokedAt: null, revokedBy: null }]);
    expect(auditRows(t.db, 'role.revoke')).toEqual([]);
  });

  it('a revoked role can be granted again', () => {
    const grantId = grantModerator();
    revokeRole(t.db, asAdmin(), { grantId });
    expect(grantModerator()).not.toBe(grantId);
    expect(grantsOf(bakary.id)).toHaveLength(2);
  });
});

describe('the person’s next request sees the change at once', () => {
  it('granting and revoking admin opens and closes the admin area on the same session', () => {
    const session = { userId: bakary.id, sessionVersion: bakary.sessionVersion };
    expect(can(loadActor(t.db, session), 'admin.access', undefined)).toBe(false);

    const r = grantRole(t.db, asAdmin(), { userId: bakary.id, role: 'admin' });
    if (!r.ok) throw new Error('grant failed');
    expect(loadActor(t.db, session)?.grants).toEqual([{ role: 'admin', communeId: null, spaceId: null }]);
    expect(can(loadActor(t.db, session), 'admin.access', undefined)).toBe(true);

    expect(revokeRole(t.db, asAdmin(), { grantId: r.value.grantId }).ok).toBe(true);
    expect(loadActor(t.db, session)?.grants).toEqual([]);
    expect(can(loadActor(t.db, session), 'admin.access', undefined)).toBe(false);
  });
});
