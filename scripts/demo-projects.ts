/** Demo citizen projects, written through the real use cases: one accepted with a progress update, one collecting, one draft. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { communes, users } from '../db/schema';
import { loadActor } from '../lib/accounts/load-actor';
import { createComment } from '../lib/comments/create-comment';
import type { Result } from '../lib/errors';
import { answerProject } from '../lib/projects/answer-project';
import { postProgressUpdate } from '../lib/projects/post-update';
import { respondToInvitation } from '../lib/projects/respond-invitation';
import { saveProject } from '../lib/projects/save-project';
import { updateProjectSettings } from '../lib/projects/settings';
import { supportProject } from '../lib/projects/support-project';

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo projects: ${what} failed: ${JSON.stringify(r)}`);
  return r.value;
}

export function seedDemoProjects(db: Db) {
  const actorBy = (email: string | null, phone: string | null) => {
    const u = db.select().from(users).where(email ? eq(users.email, email) : eq(users.phone, phone!)).get()!;
    return loadActor(db, { userId: u.id, sessionVersion: u.sessionVersion })!;
  };
  const commune = (slug: string) => String(db.select().from(communes).where(eq(communes.slug, slug)).get()!.id);
  const admin = actorBy('admin@baro.ml', null);
  const maire = actorBy('maire.nioro@baro.ml', null);
  const hydraulique = actorBy('hydraulique.kayes@baro.ml', null);
  const moderation = actorBy('moderation@baro.ml', null);
  const awa = actorBy(null, '+22376000001');
  const moussa = actorBy(null, '+22376000002');
  const fanta = actorBy('animatrice.nioro@baro.ml', null);

  // Nioro du Sahel asks for fewer supports than the default 50: a small demo commune.
  must(updateProjectSettings(db, admin, { communeId: commune('nioro-du-sahel'), supportThreshold: '4', collectionDays: '60' }), 'nioro settings');

  const moulin = must(
    saveProject(db, awa, {
      communeId: commune('nioro-du-sahel'),
      intent: 'submit',
      title: 'Un moulin à grains pour le groupement Benkadi',
      problem: 'Les femmes du quartier Kanda pilent le mil à la main chaque jour, deux heures au moins, et le moulin le plus proche est à 6 km.',
      solution: 'Acheter un moulin à moteur, installé dans un local du groupement, géré par un comité de femmes. Le prix de la mouture paie le carburant et l’entretien.',
      sector: 'women',
      location: 'Quartier Kanda, Nioro du Sahel',
      estimatedCost: '3 500 000',
      beneficiaries: 'women,farmers',
      onBehalfOf: 'Groupement des femmes Benkadi',
      coProposers: 'animatrice.nioro@baro.ml',
    }),
    'moulin',
  ).projectId;
  must(respondToInvitation(db, fanta, { projectId: String(moulin), response: 'accept' }), 'fanta accepts');
  for (const [who, name] of [[moussa, 'moussa'], [hydraulique, 'mariam'], [moderation, 'kadiatou'], [admin, 'admin']] as const) {
    must(supportProject(db, who, { projectId: String(moulin), intent: 'add' }), `support moulin ${name}`);
  }
  must(createComment(db, moussa, { projectId: String(moulin), stance: 'question', body: 'Qui va réparer le moteur quand il tombera en panne ?' }), 'comment moulin');
  must(
    answerProject(db, maire, {
      projectId: String(moulin),
      status: 'accepted',
      answer: 'La mairie finance le moulin sur le budget 2026 et met à disposition le local de l’ancienne coopérative. Le groupement gère le comité.',
    }),
    'accept moulin',
  );
  must(
    postProgressUpdate(db, maire, {
      projectId: String(moulin),
      body: 'Le local est nettoyé et le moulin est commandé à Kayes.',
      percent: '30',
      happenedOn: new Date().toISOString().slice(0, 10),
      amountSpent: '1 200 000',
    }),
    'progress moulin',
  );

  const lampes = must(
    saveProject(db, moussa, {
      communeId: commune('kayes'),
      intent: 'submit',
      title: 'Des lampadaires solaires sur la route du lycée',
      problem: 'La route du lycée est noire dès 19 h. Les élèves qui sortent des cours du soir, surtout les filles, ont peur de rentrer.',
      solution: 'Poser douze lampadaires solaires entre le lycée et le marché, entretenus par l’association des jeunes du quartier.',
      sector: 'youth',
      location: 'Route du lycée, Kayes',
      estimatedCost: '4 800 000',
      beneficiaries: 'youth,women',
      onBehalfOf: 'Association des jeunes de Légal Ségou',
      coProposers: '',
    }),
    'lampes',
  ).projectId;
  must(supportProject(db, awa, { projectId: String(lampes), intent: 'add' }), 'support lampes awa');
  must(supportProject(db, fanta, { projectId: String(lampes), intent: 'add' }), 'support lampes fanta');

  must(
    saveProject(db, moussa, {
      communeId: commune('kayes'),
      intent: 'draft',
      title: 'Un terrain de sport pour le quartier Plateau',
      problem: '',
      solution: '',
      sector: 'culture',
      location: '',
      estimatedCost: '',
      beneficiaries: 'youth',
      onBehalfOf: '',
      coProposers: '',
    }),
    'draft terrain',
  );
}
