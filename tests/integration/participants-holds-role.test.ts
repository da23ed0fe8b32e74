import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { participantsOf } from '@/db/queries/assisted';
import { roleGrants } from '@/db/schema';
import { addUser, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());

describe('the facilitator’s list of participants', () => {
  it('says a participant holds a role only when they do, whatever the ids of other people’s grants', async () => {
    const space = t.spaceId('nioro');
    // Grants whose id equals their holder's id (the demo seed had one once): they are not the participant's.
    const staff = await addUser(t, { displayName: 'Sira Camara' });
    t.db.insert(roleGrants).values({ id: staff.id, userId: staff.id, role: 'translator' }).run();
    const aminata = await addUser(t, { displayName: 'Aminata Konaté', participantCode: 'NIO-DEM42', registeredAtSpaceId: space });
    const mayor = await addUser(t, { displayName: 'Devenu élu', participantCode: 'NIO-ELU22', registeredAtSpaceId: space });
    t.db.insert(roleGrants).values({ userId: mayor.id, role: 'official', communeId: t.communeId('nioro-du-sahel'), title: 'Conseiller' }).run();
    const list = participantsOf(t.db, [space], { code: null, text: '' });
    expect(Object.fromEntries(list.map((p) => [p.id, p.holdsRole]))).toEqual({ [aminata.id]: false, [mayor.id]: true });
  });
});
