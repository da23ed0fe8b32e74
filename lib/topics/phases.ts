/**
 * A topic's phases, and the moves between them. A value-list module: it imports nothing, so that
 * db/schema.ts can take its list from here (one list, owned by lib/).
 */
export const PHASES = ['draft', 'information', 'open', 'deliberation', 'decided', 'archived'] as const;
export type Phase = (typeof PHASES)[number];

/** The phases anyone may read a topic in (a draft is its commune's officials' until it is published). */
export const PUBLIC_PHASES: readonly Phase[] = PHASES.filter((p) => p !== 'draft');

/** Which moves an official may make. Going back is allowed only where nothing is lost. */
export const PHASE_TRANSITIONS: Record<Phase, readonly Phase[]> = {
  draft: ['information', 'open'],
  information: ['draft', 'open'],
  open: ['deliberation'],
  deliberation: ['open', 'decided'],
  decided: ['archived'],
  archived: [],
};

export function canMove(from: Phase, to: Phase): boolean {
  return PHASE_TRANSITIONS[from].includes(to);
}

/**
 * The phase as readers live it: an open consultation past its close date is closed, even in the
 * minute before the scheduler writes it (lib/scheduler.ts, lib/topics/close-expired.ts).
 */
export function effectivePhase(topic: { phase: Phase; closesAt: string }, now = new Date()): Phase {
  if (topic.phase === 'open' && topic.closesAt <= now.toISOString()) return 'deliberation';
  return topic.phase;
}
