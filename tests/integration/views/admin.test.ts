import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { adminPage, adminUserPage, auditPage } from '@/lib/admin/views';
import { grantRole } from '@/lib/roles/grant-role';
import { FORBIDDEN, type ViewContext } from '@/lib/view-context';
import { actorOf, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../../helpers/db';

/**
 * What each person sees of the administration pages, through their view loaders: admins only (and not a
 * suspended one); an admin never changes their own roles.
 */

const T0 = CONSULTATION.during;

let t: TestDb;
let nioro: number;
let admin: User;
let awa: User;
let sira: User; // moderator of Nioro
let bakary: User; // official of Nioro

const ctx = (u: User | null, now = T0): ViewContext => ({ db: t.db, actor: u ? actorOf(t.db, u.id) : null, now });
const page = (viewer: User, of: User, now = T0) => {
  const view = adminUserPage(ctx(viewer, now), { id: String(of.id) });
  if (!view || 'forbidden' in view) throw new Error(String(view && 'forbidden'));
  return view;
};

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  admin = await addUser(t, { displayName: 'Admin Baro', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376123456', communeId: nioro });
  sira = await addUser(t, { displayName: 'Sira Camara', grants: [{ role: 'moderator', communeId: nioro }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro' }] });
});
afterEach(() => t.cleanup());

describe('administration is for admins who are not suspended', () => {
  it('anonymous readers, citizens, moderators, officials and a suspended admin are refused every page', async () => {
    const suspendedAdmin = await addUser(t, { grants: [{ role: 'admin' }], suspendedUntil: '2099-01-01T00:00:00.000Z' });
    for (const who of [null, awa, sira, bakary, suspendedAdmin]) {
      expect(adminPage(ctx(who), {})).toEqual(FORBIDDEN);
      expect(auditPage(ctx(who))).toEqual(FORBIDDEN);
      expect(adminUserPage(ctx(who), { id: String(awa.id) })).toEqual(FORBIDDEN);
    }
  });
});

describe('an admin', () => {
  it('finds people by name, phone or e-mail, newest first; a search is trimmed and cut to 100 characters', () => {
    const found = (q: unknown) => {
      const view = adminPage(ctx(admin), { q });
      if ('forbidden' in view) throw new Error('forbidden');
      return view;
    };
    expect(found('  Traoré ').users.map((u) => u.id)).toEqual([awa.id]);
    expect(found('Traoré').q).toBe('Traoré');
    expect(found('76123').users[0]).toMatchObject({ id: awa.id, displayName: 'Awa Traoré', phone: '+22376123456', commune: 'Nioro du Sahel' });
    // LIKE's wildcards are searched as text.
    expect(found('%').users).toEqual([]);
    expect(found(undefined).users.map((u) => u.id)).toEqual([bakary.id, sira.id, awa.id, admin.id]);
    expect(found('x'.repeat(300)).q).toHaveLength(100);
  });

  it('reads the audit log, newest first', () => {
    const granted = grantRole(t.db, actorOf(t.db, admin.id), { userId: String(awa.id), role: 'facilitator', communeId: '', spaceId: String(t.spaceId('nioro')), title: '' });
    expect(granted.ok).toBe(true);
    const view = auditPage(ctx(admin));
    if ('forbidden' in view) throw new Error('forbidden');
    expect(view.rows[0]).toMatchObject({ action: 'role.grant', actorName: 'Admin Baro', subjectType: 'user', subjectId: awa.id });
    expect(Object.keys(view.rows[0]!).sort()).toEqual(['action', 'actorName', 'createdAt', 'details', 'id', 'subjectId', 'subjectType']);
  });

  it('sees a person’s roles with where they apply, and may change them, but never their own', () => {
    expect(page(admin, bakary)).toMatchObject({
      user: { id: bakary.id, displayName: 'Bakary Diallo' },
      grants: [{ role: 'official', title: 'Maire de Nioro', communeId: nioro, commune: 'Nioro du Sahel', space: null }],
      mayChangeRoles: true,
      roles: ['facilitator', 'official', 'moderator', 'admin', 'translator'],
    });
    expect(page(admin, awa).grants).toEqual([]);
    expect(page(admin, admin)).toMatchObject({ mayChangeRoles: false, grants: [{ role: 'admin' }] });
    expect(page(admin, awa).communes.some((c) => c.id === nioro)).toBe(true);
    expect(page(admin, awa).spaces.map((s) => s.id)).toContain(t.spaceId('nioro'));
  });

  it('sees that an account is locked after 20 failed sign-ins, and may lift the lock', async () => {
    expect(page(admin, awa)).toMatchObject({ lockedSeconds: 0, mayUnlock: true });
    for (let i = 0; i < 20; i++) {
      await authenticate(t.db, { identifier: '76123456', password: 'not the password' }, { ip: '41.73.100.7', now: minutesAfter(T0, Math.floor(i / 5) * 20) });
    }
    const locked = page(admin, awa, minutesAfter(T0, 61));
    expect(locked.lockedSeconds).toBeGreaterThan(23 * 3600);
    expect(locked.mayUnlock).toBe(true);
  });

  it('sees whether an account is verified and how, and may reset the access of anyone but themself, staff included (issue 12 §3)', async () => {
    const kadi = await addUser(t, { displayName: 'Kadi', phone: '+22377001122', verifiedAt: null });
    expect(page(admin, awa)).toMatchObject({ verified: { at: '2026-01-01T00:00:00.000Z', via: 'sms' }, mayResetAccess: true });
    expect(page(admin, kadi)).toMatchObject({ verified: null, mayResetAccess: true });
    expect(page(admin, bakary).mayResetAccess).toBe(true);
    expect(page(admin, admin).mayResetAccess).toBe(false);
    // An admin who has not verified their own account yet has no admin power at all.
    const unverifiedAdmin = await addUser(t, { displayName: 'Admin pas vérifié', email: 'admin2@baro.ml', grants: [{ role: 'admin' }], verifiedAt: null });
    expect(adminUserPage(ctx(unverifiedAdmin), { id: String(awa.id) })).toEqual(FORBIDDEN);
  });

  it('an unknown person or a malformed id is not found', () => {
    expect(adminUserPage(ctx(admin), { id: '999999' })).toBeNull();
    expect(adminUserPage(ctx(admin), { id: '../1' })).toBeNull();
    expect(adminUserPage(ctx(admin), { id: undefined })).toBeNull();
  });
});
