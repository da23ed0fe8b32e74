/**
 * A demo participant with no phone or e-mail, registered by Fanta at the Nioro connected space, and one
 * comment she entered with her: through the real use cases, with a known code and PIN (see README). She
 * prefers Bambara: after sign-in her interface is /bm/… (French wherever no text is approved yet).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connectedSpaces, topics, users } from '../db/schema';
import { loadActor } from '../lib/accounts/load-actor';
import { contributeForParticipant } from '../lib/assisted/contribute';
import type { Result } from '../lib/errors';
import { registerParticipant } from '../lib/participants/register-participant';

export const DEMO_PARTICIPANT = { code: 'NIO-DEM42', pin: '482916', name: 'Aminata Konaté' } as const;

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo participant: ${what} failed: ${JSON.stringify(r)}`);
  return r.value;
}

export async function seedDemoParticipants(db: Db) {
  const fantaRow = db.select().from(users).where(eq(users.email, 'animatrice.nioro@baro.ml')).get()!;
  const fanta = loadActor(db, { userId: fantaRow.id, sessionVersion: fantaRow.sessionVersion })!;
  const nioro = db.select().from(connectedSpaces).where(eq(connectedSpaces.slug, 'nioro')).get()!;
  const today = new Date().toISOString().slice(0, 10);
  const { userId } = must(
    await registerParticipant(
      db,
      fanta,
      { spaceId: String(nioro.id), displayName: DEMO_PARTICIPANT.name, communeId: String(nioro.communeId), gender: 'woman', birthYear: '2001', language: 'bm', consent: 'yes', consentDate: today },
      { code: () => DEMO_PARTICIPANT.code, pin: () => DEMO_PARTICIPANT.pin },
    ),
    'registration',
  );
  // Her code and PIN are in README: a demo account like the others.
  db.update(users).set({ isDemo: true }).where(eq(users.id, userId)).run();
  const forage = db.select({ id: topics.id }).from(topics).where(and(eq(topics.communeId, nioro.communeId), eq(topics.title, "Un forage d'eau potable pour le quartier Tata"))).get();
  if (!forage) return;
  must(
    await contributeForParticipant(db, fanta, {
      spaceId: String(nioro.id),
      participant: DEMO_PARTICIPANT.code,
      consent: 'yes',
      kind: 'comment',
      topicId: String(forage.id),
      stance: 'for',
      body: 'Je porte l’eau pour ma famille depuis l’âge de dix ans. Il faut un robinet bas pour les enfants et les femmes âgées, et un banc pour attendre à l’ombre.',
    }),
    'assisted comment',
  );
}
