/**
 * Demo data for the translation workflow (issue 14): the Bambara machine draft of the core path, stored
 * as proposals "à relire" that need two approvals in /admin/translations — Fanta (facilitator) and Sira
 * (moderator of Nioro) are the demo's translators. Nothing is approved here: the demo's Bambara pages
 * stay French until two people approve texts in the app.
 */
import type { Db } from '../db/client';
import { BM_CORE_DRAFT, seedMachineDrafts } from '../lib/translations/drafts';

export function seedDemoTranslations(db: Db): number {
  return seedMachineDrafts(db, 'bm', BM_CORE_DRAFT);
}
