import type { Phase } from '@/db/schema';

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

/** The phase as readers live it: an open consultation past its close date is closed, even before the sweep runs. */
export function effectivePhase(topic: { phase: Phase; closesAt: string }, now = new Date()): Phase {
  if (topic.phase === 'open' && topic.closesAt <= now.toISOString()) return 'deliberation';
  return topic.phase;
}

export const PUBLIC_PHASES: readonly Phase[] = ['information', 'open', 'deliberation', 'decided', 'archived'];
