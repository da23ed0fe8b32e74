import { count } from 'drizzle-orm';
import type { Db } from './client';
import { cercles, communes, connectedSpaces, regions, roleGrants, users, type GrantedRole } from './schema';

/** Demo password for every seeded account (see README). Not on the common-password list. */
export const DEMO_PASSWORD = 'Baro-demo-2026';

const GEOGRAPHY = {
  region: { slug: 'kayes', name: 'Kayes' },
  cercles: [
    { slug: 'cercle-kayes', name: 'Kayes', communes: [['kayes', 'Kayes'], ['khouloum', 'Khouloum'], ['liberte-dembaya', 'Liberté Dembaya']] },
    { slug: 'cercle-nioro', name: 'Nioro du Sahel', communes: [['nioro-du-sahel', 'Nioro du Sahel'], ['diabigue', 'Diabigué'], ['gogui', 'Gogui']] },
    { slug: 'cercle-yelimane', name: 'Yélimané', communes: [['yelimane', 'Yélimané'], ['kremis', 'Krémis'], ['tringa', 'Tringa']] },
  ],
} as const;

const SPACES = [
  { slug: 'kayes-ville', commune: 'kayes', name: 'Espace connecté de Kayes ville', address: 'Quartier Légal Ségou, Kayes', openingHours: 'Lun–Sam 8 h–18 h' },
  { slug: 'nioro', commune: 'nioro-du-sahel', name: 'Espace connecté de Nioro', address: 'Près de la mairie, Nioro du Sahel', openingHours: 'Lun–Sam 8 h–18 h' },
  { slug: 'yelimane', commune: 'yelimane', name: 'Espace connecté de Yélimané', address: 'Centre-ville, Yélimané', openingHours: 'Lun–Ven 9 h–17 h' },
] as const;

type DemoAccount = {
  displayName: string;
  phone?: string;
  email?: string;
  commune: string;
  gender?: 'woman' | 'man';
  birthYear?: number;
  grants: { role: GrantedRole; commune?: string | null; space?: string; title?: string }[];
};

/** One account per role; identifiers are listed in README.md. All are marked is_demo. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { displayName: 'Awa Traoré', phone: '+22376000001', commune: 'nioro-du-sahel', gender: 'woman', birthYear: 2003, grants: [] },
  { displayName: 'Moussa Diarra', phone: '+22376000002', commune: 'kayes', gender: 'man', birthYear: 1999, grants: [] },
  { displayName: 'Fanta Sissoko', phone: '+22376000003', email: 'animatrice.nioro@baro.ml', commune: 'nioro-du-sahel', gender: 'woman', birthYear: 1998, grants: [{ role: 'facilitator', space: 'nioro' }, { role: 'translator' }] },
  { displayName: 'Bakary Diallo', phone: '+22376000004', email: 'maire.nioro@baro.ml', commune: 'nioro-du-sahel', gender: 'man', birthYear: 1970, grants: [{ role: 'official', commune: 'nioro-du-sahel', title: 'Maire de Nioro du Sahel' }] },
  { displayName: 'Mariam Coulibaly', email: 'hydraulique.kayes@baro.ml', commune: 'kayes', gender: 'woman', birthYear: 1984, grants: [{ role: 'official', commune: 'kayes', title: "Cheffe du service de l'hydraulique de Kayes" }] },
  { displayName: 'Kadiatou Keïta', email: 'moderation@baro.ml', commune: 'kayes', gender: 'woman', birthYear: 1990, grants: [{ role: 'moderator', commune: null }] },
  { displayName: 'Sira Camara', email: 'moderation.nioro@baro.ml', commune: 'nioro-du-sahel', gender: 'woman', birthYear: 1994, grants: [{ role: 'moderator', commune: 'nioro-du-sahel' }, { role: 'translator' }] },
  { displayName: 'Administration Baro', email: 'admin@baro.ml', commune: 'kayes', grants: [{ role: 'admin' }] },
];

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(communes).get()?.n ?? 0) === 0;
}

export function seedGeography(db: Db) {
  db.transaction((tx) => {
    const region = tx.insert(regions).values(GEOGRAPHY.region).returning().get();
    for (const c of GEOGRAPHY.cercles) {
      const cercle = tx.insert(cercles).values({ slug: c.slug, name: c.name, regionId: region.id }).returning().get();
      for (const [slug, name] of c.communes) tx.insert(communes).values({ slug, name, cercleId: cercle.id }).run();
    }
    const bySlug = new Map(tx.select().from(communes).all().map((c) => [c.slug, c.id]));
    for (const s of SPACES) {
      tx.insert(connectedSpaces)
        .values({ slug: s.slug, name: s.name, address: s.address, openingHours: s.openingHours, communeId: bySlug.get(s.commune)! })
        .run();
    }
  });
}

/** hash: the password hasher, passed in so this file stays free of native modules for drizzle-kit. */
export async function seedDemo(db: Db, hash: (pw: string) => Promise<string>) {
  seedGeography(db);
  const passwordHash = await hash(DEMO_PASSWORD);
  const communeIds = new Map(db.select().from(communes).all().map((c) => [c.slug, c.id]));
  const spaceIds = new Map(db.select().from(connectedSpaces).all().map((s) => [s.slug, s.id]));
  db.transaction((tx) => {
    for (const a of DEMO_ACCOUNTS) {
      const u = tx
        .insert(users)
        .values({
          displayName: a.displayName,
          phone: a.phone ?? null,
          email: a.email ?? null,
          passwordHash,
          communeId: communeIds.get(a.commune)!,
          gender: a.gender ?? null,
          birthYear: a.birthYear ?? null,
          language: 'fr',
          isDemo: true,
          // Demo accounts are verified (issue 12 §2): they take part at once, as in README.
          verifiedAt: new Date().toISOString(),
          verifiedVia: 'seed',
        })
        .returning({ id: users.id })
        .get();
      for (const g of a.grants) {
        tx.insert(roleGrants)
          .values({
            userId: u.id,
            role: g.role,
            communeId: g.commune ? communeIds.get(g.commune)! : null,
            spaceId: g.space ? spaceIds.get(g.space)! : null,
            title: g.title ?? null,
          })
          .run();
      }
    }
  });
}
