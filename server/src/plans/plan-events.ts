import type { EntityManager } from 'typeorm';
import type { PlanAction, PlanState } from '@sip/shared';

/** Stores a transition with its actor and time: the raw material of later statistics. */
export async function recordTransition(
  m: EntityManager,
  planId: string,
  from: PlanState | null,
  to: PlanState,
  action: PlanAction | 'initiate' | 'withdraw_consent',
  actorId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await m.query(
    `INSERT INTO plan_transition (plan_id, from_state, to_state, action, actor_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [planId, from, to, action, actorId, JSON.stringify(details)],
  );
  if (from !== to) {
    await m.query(
      `UPDATE plan SET state = $2, updated_at = now(),
              closed_at = CASE WHEN $2 = 'avslutad' THEN now() ELSE closed_at END
        WHERE id = $1`,
      [planId, to],
    );
  } else {
    await m.query(`UPDATE plan SET updated_at = now() WHERE id = $1`, [planId]);
  }
}
