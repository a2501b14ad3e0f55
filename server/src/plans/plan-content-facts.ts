import type { EntityManager } from 'typeorm';
import type { PlanContentFacts } from '@sip/shared';

/**
 * What finalising checks (`guardFailures('finalise', …)`), read from the projected rows and
 * the plan — never from Yjs bytes.
 */
export async function planContentFacts(m: EntityManager, planId: string): Promise<PlanContentFacts> {
  const [row]: { needs: number; others: number; lead: boolean; follow_up: boolean; coordinator: boolean; without_actions: string[] }[] = await m.query(
    `SELECT (SELECT count(*)::int FROM plan_need WHERE plan_id = $1) AS needs,
            (SELECT count(*)::int FROM plan_other_measure WHERE plan_id = $1) AS others,
            (SELECT lead_organisation_id IS NOT NULL FROM plan WHERE id = $1) AS lead,
            (SELECT follow_up_date IS NOT NULL FROM plan WHERE id = $1) AS follow_up,
            EXISTS (SELECT 1 FROM plan_participant WHERE plan_id = $1 AND role = 'samordningsansvarig' AND removed_at IS NULL) AS coordinator,
            coalesce((SELECT array_agg(DISTINCT o.name) FROM plan_participant pp JOIN organisation o ON o.id = pp.organisation_id
                       WHERE pp.plan_id = $1 AND pp.removed_at IS NULL AND o.kind IN ('kommun', 'region')
                         AND NOT EXISTS (SELECT 1 FROM plan_action a WHERE a.plan_id = $1 AND a.organisation_id = o.id)), '{}') AS without_actions`,
    [planId],
  );
  return {
    needs: row!.needs,
    principalsWithoutActions: row!.without_actions,
    othersMeasures: row!.others,
    leadPrincipal: row!.lead,
    coordinator: row!.coordinator,
    followUpDate: row!.follow_up,
  };
}
