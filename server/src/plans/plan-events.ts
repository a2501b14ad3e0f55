import type { EntityManager } from 'typeorm';
import type { PlanAction, PlanState } from '@sip/shared';

/**
 * Stores a transition with its actor and time: the raw material of later statistics. `at`
 * is now unless given (the demo seed writes a history over past weeks).
 */
export async function recordTransition(
  m: EntityManager,
  planId: string,
  from: PlanState | null,
  to: PlanState,
  action: PlanAction | 'initiate' | 'withdraw_consent',
  actorId: string | null,
  details: Record<string, unknown> = {},
  at: Date | null = null,
): Promise<void> {
  await m.query(
    `INSERT INTO plan_transition (plan_id, from_state, to_state, action, actor_id, details, at)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))`,
    [planId, from, to, action, actorId, JSON.stringify(details), at],
  );
  if (from !== to) {
    await m.query(
      `UPDATE plan SET state = $2, updated_at = coalesce($3, now()),
              closed_at = CASE WHEN $2 = 'avslutad' THEN coalesce($3, now()) ELSE closed_at END
        WHERE id = $1`,
      [planId, to, at],
    );
  } else {
    await m.query(`UPDATE plan SET updated_at = coalesce($2, now()) WHERE id = $1`, [planId, at]);
  }
}
