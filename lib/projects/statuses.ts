/**
 * The value lists of citizen projects. Owned here; db/schema.ts imports them for its column enums, and
 * this module imports nothing (so the schema can import it).
 */

/**
 * draft → submitted (screened; held ones wait here) → collecting → threshold_reached → under_review →
 * accepted | rejected; accepted → in_progress → completed. collecting → withdrawn (authors) or expired.
 */
export const PROJECT_STATUSES = [
  'draft',
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
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Who a project is for (several may be ticked). */
export const BENEFICIARIES = ['women', 'youth', 'children', 'elderly', 'farmers', 'herders', 'everyone'] as const;
export type Beneficiary = (typeof BENEFICIARIES)[number];

/** An invited co-proposer's answer. */
export const CO_PROPOSER_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type CoProposerStatus = (typeof CO_PROPOSER_STATUSES)[number];
