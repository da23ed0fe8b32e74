import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coProposersOf, pendingInvitationsOf } from '@/lib/projects/queries';
import { auditLog, notifications, projectInvitations, type User } from '@/db/schema';
import { respondToInvitation } from '@/lib/projects/respond-invitation';
import { saveProject } from '@/lib/projects/save-project';
import { actorOf, addUser, CONSULTATION, makeTestDb, type TestDb } from '../helpers/db';
import { projectForm } from '../helpers/projects';

const T0 = CONSULTATION.during;

let t: TestDb;
let kayes: number;
let awa: User; // the proposer
let moussa: User; // registered, phone +22376000002
let fanta: User; // registered, e-mail fanta@test.ml

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra', phone: '+22376000002' });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', email: 'fanta@test.ml' });
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
/** A new draft with these co-proposers; the whole answer, as the proposer's form receives it. */
const draftWith = (coProposers: string) => saveProject(t.db, as(awa), projectForm(kayes, { intent: 'draft', coProposers }), T0);
/** What the proposer's page shows: the pending invitations, and the co-proposers by name once accepted. */
const proposerSees = (projectId: number) => ({
  pending: pendingInvitationsOf(t.db, projectId),
  names: coProposersOf(t.db, projectId).filter((c) => c.status === 'accepted').map((c) => c.name),
});

describe('co-proposer invitations reveal nothing about a number or an address until the invitee accepts', () => {
  it('a registered and an unregistered number get the same answer and look the same to the proposer', () => {
    const known = draftWith('76 00 00 02');
    const unknown = draftWith('76 00 00 99');
    expect(known.ok && unknown.ok).toBe(true);
    if (!known.ok || !unknown.ok) return;
    // The same answer, but for the new project's own id.
    expect({ ...known.value, projectId: 0 }).toEqual({ ...unknown.value, projectId: 0 });
    expect(proposerSees(known.value.projectId)).toEqual({ pending: ['+22376000002'], names: [] });
    expect(proposerSees(unknown.value.projectId)).toEqual({ pending: ['+22376000099'], names: [] });
    // Only the registered person is told, in their own notification centre.
    expect(t.db.select({ userId: notifications.userId }).from(notifications).all()).toEqual([{ userId: moussa.id }]);
  });

  it('the same for e-mail addresses, typed in any case', () => {
    const r = draftWith('FANTA@test.ml\npersonne@nulle-part.ml');
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(proposerSees(r.value.projectId)).toEqual({ pending: ['fanta@test.ml', 'personne@nulle-part.ml'], names: [] });
  });

  it('the name appears once the invitee accepts; a refusal looks like no answer at all', () => {
    const r = draftWith('76 00 00 02, fanta@test.ml, 76 00 00 99');
    if (!r.ok) throw new Error(JSON.stringify(r));
    const id = r.value.projectId;
    expect(respondToInvitation(t.db, as(moussa), { projectId: String(id), response: 'accept' }, T0)).toMatchObject({ ok: true });
    expect(respondToInvitation(t.db, as(fanta), { projectId: String(id), response: 'decline' }, T0)).toMatchObject({ ok: true });
    expect(proposerSees(id)).toEqual({ pending: ['+22376000099', 'fanta@test.ml'], names: ['Moussa Diarra'] });
  });

  it('inviting again changes nothing and tells nobody twice', () => {
    const r = draftWith('76 00 00 02\n76 00 00 99');
    if (!r.ok) throw new Error(JSON.stringify(r));
    const again = saveProject(t.db, as(awa), projectForm(kayes, { projectId: String(r.value.projectId), intent: 'draft', coProposers: '+223 76 00 00 02\n0022376000099' }), T0);
    expect(again).toMatchObject({ ok: true });
    expect(t.db.select().from(projectInvitations).where(eq(projectInvitations.projectId, r.value.projectId)).all()).toHaveLength(2);
    expect(t.db.select().from(notifications).all()).toHaveLength(1);
  });

  it('only a malformed entry or the proposer’s own number is an error, whatever is registered', () => {
    expect(draftWith('pas un numéro')).toEqual({ ok: false, error: 'invalid', fieldErrors: { coProposers: 'coProposerInvalid' } });
    expect(draftWith('76 00 00 01')).toEqual({ ok: false, error: 'invalid', fieldErrors: { coProposers: 'coProposerSelf' } });
    // Nothing about the invitees is written to the audit log beyond the account ids the invitation went to.
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain('Moussa');
  });
});
