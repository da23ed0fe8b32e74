/** What a new database receives: the demo (default), or with DEMO=false the geography alone. */
import type { Db } from '../db/client';
import { seedDemo, seedGeography } from '../db/seed';
import { hashPassword } from '../lib/accounts/password';
import { forgetDemoStatus } from '../lib/demo/status';
import { seedDemoContent } from './demo-content';
import { seedDemoLearning } from './demo-learning';
import { seedDemoParticipants } from './demo-participants';
import { seedDemoTranslations } from './demo-translations';

/**
 * demo: one account per role with the public password of README, four consultations, three citizen
 * projects, two meetings, a participant, Bambara drafts to review, three courses and a training session.
 * Without it: region, cercles, communes and connected spaces, no account and no content (create the
 * first administrator with `npm run admin:create`).
 */
export async function seedNewDatabase(db: Db, { demo }: { demo: boolean }): Promise<void> {
  if (!demo) {
    seedGeography(db);
    return;
  }
  await seedDemo(db, hashPassword);
  seedDemoContent(db);
  await seedDemoParticipants(db);
  seedDemoTranslations(db);
  seedDemoLearning(db);
  forgetDemoStatus(db);
}
