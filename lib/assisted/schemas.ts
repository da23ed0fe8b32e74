import { z } from 'zod';
import { ASSISTED_KINDS, type AssistedKind } from '@/db/schema';
import { PASSWORD_MAX } from '@/lib/accounts/password';
import { consentSchema } from '@/lib/participants/schemas';
import { idParam } from '@/lib/validation';

/** What every assisted contribution carries, whatever its kind. */
export const assistSchema = z.object({
  spaceId: z.coerce.number('spaceRequired').int('spaceRequired').positive('spaceRequired'),
  /** the participant's code, phone number or e-mail address */
  participant: z.string().trim().min(1, 'participantRequired').max(254, 'participantUnknown'),
  consent: consentSchema,
  kind: z.enum(ASSISTED_KINDS, 'invalidChoice'),
  /**
   * The person's own PIN or password, typed by them on the facilitator's screen: proof that they are
   * here, for this submission only (needed unless one of the facilitator's spaces registered them).
   */
  participantPassword: z.string().max(PASSWORD_MAX, 'passwordTooLong').optional(),
});

/** The fields of each kind, handed as they are to the use case that writes the contribution. */
export const PAYLOAD_FIELDS: Record<AssistedKind, readonly string[]> = {
  comment: ['topicId', 'projectId', 'parentId', 'stance', 'body'],
  vote: ['topicId', 'choice'],
  comment_support: ['commentId'],
  project_support: ['projectId'],
  project: ['communeId', 'title', 'problem', 'solution', 'sector', 'location', 'estimatedCost', 'beneficiaries', 'onBehalfOf'],
};

export const withdrawAssistedSchema = z.strictObject({ assistedId: idParam });
