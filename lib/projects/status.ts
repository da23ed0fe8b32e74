import type { ProjectStatus } from './statuses';

/** Public statuses a reader can filter on (drafts are private). */
export const PUBLIC_PROJECT_STATUSES: readonly ProjectStatus[] = [
  'submitted',
  'collecting',
  'threshold_reached',
  'under_review',
  'accepted',
  'rejected',
  'in_progress',
  'completed',
  'withdrawn',
  'expired',
];

/** Where people may still discuss a project in comments. */
export const DISCUSSION_STATUSES: readonly ProjectStatus[] = ['submitted', 'collecting', 'threshold_reached', 'under_review', 'accepted', 'in_progress'];

/** The moves an official (or admin) makes when answering. Anything else is refused. */
export const ANSWER_TRANSITIONS: Partial<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  threshold_reached: ['under_review', 'accepted', 'rejected'],
  under_review: ['accepted', 'rejected'],
  accepted: ['in_progress', 'completed'],
  in_progress: ['completed'],
};

export const ANSWER_STATUSES = ['under_review', 'accepted', 'rejected', 'in_progress', 'completed'] as const;

export function canAnswerMove(from: ProjectStatus, to: ProjectStatus): boolean {
  return ANSWER_TRANSITIONS[from]?.includes(to) ?? false;
}

/** The status as readers live it: a collection past its end date has expired, even before the sweep writes it. */
export function effectiveStatus(p: { status: ProjectStatus; collectionEndsAt: string | null }, now = new Date()): ProjectStatus {
  if (p.status === 'collecting' && p.collectionEndsAt && p.collectionEndsAt <= now.toISOString()) return 'expired';
  return p.status;
}

/** Progress toward the threshold, 0–100, for the bar. */
export function supportPercent(supportCount: number, threshold: number | null): number {
  if (!threshold || threshold <= 0) return 0;
  return Math.min(100, Math.floor((100 * supportCount) / threshold));
}

/** Which quarter of the threshold a count has reached (0–4): 1 = 25 %, 4 = the threshold. */
export function quarterReached(supportCount: number, threshold: number): number {
  if (threshold <= 0) return 4;
  return Math.min(4, Math.floor((4 * supportCount) / threshold));
}
