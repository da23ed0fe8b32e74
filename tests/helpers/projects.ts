import type { TestDb } from './db';
import { actorOf } from './db';
import { updateProjectSettings } from '@/lib/projects/settings';

/** A project form as the browser sends it (every field a string), complete and ready to submit. */
export function projectForm(communeId: number, fields: Record<string, string> = {}): Record<string, string> {
  return {
    communeId: String(communeId),
    intent: 'submit',
    title: 'Lampes solaires pour la rue du marché',
    problem: 'La rue du marché est noire la nuit : les femmes rentrent tard du marché et ont peur.',
    solution: 'Installer dix lampadaires solaires, entretenus par l’association des jeunes du quartier.',
    sector: 'environment',
    location: 'Rue du marché, Kayes',
    estimatedCost: '2 500 000',
    beneficiaries: 'women,youth',
    onBehalfOf: '',
    coProposers: '',
    ...fields,
  };
}

/** An admin sets a commune's support threshold and collection window, through the use case. */
export function setProjectRules(t: TestDb, adminId: number, communeId: number, supportThreshold: number, collectionDays = 90): void {
  const r = updateProjectSettings(t.db, actorOf(t.db, adminId), { communeId: String(communeId), supportThreshold: String(supportThreshold), collectionDays: String(collectionDays) });
  if (!r.ok) throw new Error(`settings refused: ${JSON.stringify(r)}`);
}
