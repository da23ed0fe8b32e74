import type { Db } from '@/db/client';
import { getCommune } from '@/db/queries/geography';
import type { StatsScope } from '@/lib/stats/queries';
import { can, type Actor } from '@/lib/permissions';
import { findProject } from '@/lib/projects/load';
import { findTopic } from '@/lib/topics/load';
import { idParam } from '@/lib/validation';

export type ResolvedScope =
  | { ok: true; scope: StatsScope; title: string | null; query: string }
  | { ok: false; error: 'not_found' | 'forbidden' };

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The scope asked for in the address (?commune=, ?topic=, ?project=). The whole platform and a
 * commune are public; a single topic or project is for the officials who run it (and admins),
 * like the demographic split of its tally.
 */
export function resolveStatsScope(db: Db, actor: Actor | null, params: Record<string, unknown>): ResolvedScope {
  const topic = idParam.safeParse(one(params.topic));
  if (one(params.topic) !== undefined) {
    const t = topic.success ? findTopic(db, topic.data) : undefined;
    if (!t) return { ok: false, error: 'not_found' };
    if (!can(actor, 'topic.viewInternal', { communeId: t.communeId })) return { ok: false, error: 'forbidden' };
    return { ok: true, scope: { kind: 'topic', id: t.id }, title: t.title, query: `topic=${t.id}` };
  }
  const project = idParam.safeParse(one(params.project));
  if (one(params.project) !== undefined) {
    const p = project.success ? findProject(db, project.data) : undefined;
    if (!p) return { ok: false, error: 'not_found' };
    if (!can(actor, 'project.viewInternal', { communeId: p.communeId })) return { ok: false, error: 'forbidden' };
    return { ok: true, scope: { kind: 'project', id: p.id }, title: p.title, query: `project=${p.id}` };
  }
  const commune = idParam.safeParse(one(params.commune));
  if (one(params.commune) !== undefined && one(params.commune) !== '') {
    const c = commune.success ? getCommune(db, commune.data) : undefined;
    if (!c) return { ok: false, error: 'not_found' };
    return { ok: true, scope: { kind: 'commune', id: c.id }, title: c.name, query: `commune=${c.id}` };
  }
  return { ok: true, scope: { kind: 'all' }, title: null, query: '' };
}
