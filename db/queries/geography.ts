import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { cercles, communes, connectedSpaces, regions } from '../schema';

export function listCommunes(db: Db) {
  return db
    .select({ id: communes.id, slug: communes.slug, name: communes.name, cercle: cercles.name, region: regions.name })
    .from(communes)
    .innerJoin(cercles, eq(cercles.id, communes.cercleId))
    .innerJoin(regions, eq(regions.id, cercles.regionId))
    .orderBy(asc(regions.name), asc(cercles.name), asc(communes.name))
    .all();
}

export function listSpaces(db: Db) {
  return db
    .select({
      id: connectedSpaces.id,
      slug: connectedSpaces.slug,
      name: connectedSpaces.name,
      address: connectedSpaces.address,
      openingHours: connectedSpaces.openingHours,
      communeId: connectedSpaces.communeId,
      commune: communes.name,
    })
    .from(connectedSpaces)
    .innerJoin(communes, eq(communes.id, connectedSpaces.communeId))
    .orderBy(asc(connectedSpaces.name))
    .all();
}

export function getCommune(db: Db, id: number) {
  return db.select().from(communes).where(eq(communes.id, id)).get();
}

export function getCommuneBySlug(db: Db, slug: string) {
  return db.select().from(communes).where(eq(communes.slug, slug)).get();
}
