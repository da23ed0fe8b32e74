import { auditLog } from '@/db/schema';
import type { Db } from '@/db/client';

export type AuditInput = {
  actorId: number | null;
  /** dotted: "user.register", "role.grant" */
  action: string;
  subjectType: string;
  subjectId: number | null;
  details?: Record<string, unknown>;
};

/** Call inside the same transaction as the act it records (tx is the transaction handle). */
export function recordAudit(tx: Pick<Db, 'insert'>, entry: AuditInput): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details ?? null,
    })
    .run();
}
