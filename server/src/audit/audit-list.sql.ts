import type { AuditAction } from '@sip/shared';

/** One row of AUDIT_LIST_SQL, as node-postgres returns it (bigint as a string). */
export interface AuditListRow {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  actor_username: string | null;
  action: AuditAction;
  target_type: string | null;
  target_id: string | null;
  plan_id: string | null;
  details: Record<string, unknown>;
}

/**
 * The audit log newest first, a page at a time. Every filter is optional: $1 before this
 * seq (the page before's last), $2 plan, $3 actor's username, $4 action, $5 from (inclusive),
 * $6 to (exclusive), $7 page size. An unknown username matches nothing rather than
 * everything. The statement is planned with its values, so an absent filter costs nothing
 * and a given one can use its index (plan, actor, time; see the AdminSettings migration).
 */
export const AUDIT_LIST_SQL = `
  SELECT e.seq, e.at, e.actor_id, e.actor_role, a.display_name AS actor_name, a.username AS actor_username,
         e.action, e.target_type, e.target_id, e.plan_id, e.details
    FROM audit_event e
    LEFT JOIN account a ON a.id = e.actor_id
   WHERE ($1::bigint IS NULL OR e.seq < $1)
     AND ($2::uuid IS NULL OR e.plan_id = $2)
     AND ($3::text IS NULL OR e.actor_id = (SELECT id FROM account WHERE username = $3))
     AND ($4::text IS NULL OR e.action = $4)
     AND ($5::timestamptz IS NULL OR e.at >= $5)
     AND ($6::timestamptz IS NULL OR e.at < $6)
   ORDER BY e.seq DESC
   LIMIT $7`;
