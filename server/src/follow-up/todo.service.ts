import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TodoItem, TodoKind, TodoList, TodoQuery } from '@sip/shared';
import { planConsentInForceSql } from '../access/domain.sql';
import { calledUnitReachesSql } from '../access/plan-access.sql';
import { PlanAccessService } from '../access/plan-access.service';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../jobs/clock';

interface TodoRow {
  kind: TodoKind;
  plan_id: string;
  person_name: string;
  due_at: Date | string | null;
  unit_id: string | null;
  unit_name: string | null;
  label: string | null;
  link: string;
  total: string;
}

const DUE_SOON_DAYS = 7;
const FOLLOW_UP_SOON_DAYS = 14;
const CONSENT_ENDING_DAYS = 14;

/**
 * "Att göra": one list, across every plan the staff member reaches (scoped in SQL by the
 * same policy as the worklist), of what needs them now. A called unit's colleagues are asked
 * to answer the call; the rest of a plan's work (its actions, the call to send, follow-up,
 * consent ending) is for those who take part in it or, before anyone does, its initiating
 * unit — a unit that has not yet answered a call is not the one to set a follow-up date.
 * Params after the work plans' (staffWorkPlansSql): today, the actor's units, the actor's
 * organisations, then kind, unit, limit, offset.
 */
@Injectable()
export class TodoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: TodoQuery): Promise<TodoList> {
    // Only practitioners have work in plans (the route says so too; the calls below would
    // otherwise be decided without the policy's first question).
    if (actor.kind !== 'staff' || !actor.systemRoles.includes('practitioner')) return { items: [], total: 0 };
    // The open plans whose work may be mine, with the plan columns the branches read: those I
    // take part in decided and read from the copies on my participations (no lookup per plan),
    // those my units initiated before anyone consented from the plan. The plans reached only
    // through my units' calls are decided from the calls (my_call).
    const work = this.access.workPlansSql(actor);
    const n = work.params.length;
    const [today, units, orgs, kind, unit, limit, offset] = [n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7].map((i) => `$${i}`);
    // Each branch runs only when its kinds are asked for (a constant condition: skipped whole).
    const wants = (...kinds: TodoKind[]) => `(${kind}::text IS NULL OR ${kind} IN (${kinds.map((k) => `'${k}'`).join(', ')}))`;
    const rows: TodoRow[] = await this.dataSource.query(
      `WITH work_plan AS (${work.sql}),
       -- Read once: every branch below starts from these rows. Kept narrow (thousands of rows
       -- are copied): the lists of actions and consents only where a branch will read them.
       open_plan AS MATERIALIZED (
         SELECT p.id, p.state, p.takes_part, p.initiating_unit_id, p.discharge_call_due_at, p.first_call_at, p.follow_up_date, p.consent_periods,
                CASE WHEN p.takes_part THEN p.open_actions END AS open_actions,
                CASE WHEN p.consent_ended_from <= ${today}::date + ${CONSENT_ENDING_DAYS + 1} THEN p.consent_terms END AS consent_terms
           FROM work_plan p),
       -- My units' unanswered calls, read as one set (an index range). Whether the call reaches
       -- its plan is decided from the plan's facts copied onto the call (calledUnitReachesSql);
       -- a plan I also reach otherwise is among the open plans above.
       my_call AS MATERIALIZED (
         SELECT pc.plan_id, pc.sent_at, pc.unit_id, pc.purpose, ${calledUnitReachesSql('pc', orgs)} AS reaches FROM plan_call pc
          WHERE ${wants('call_to_answer')} AND pc.kind = 'kallelse' AND pc.acknowledged_at IS NULL AND pc.unit_id = ANY(${units}::uuid[])),
       items AS (
         SELECT 'call_to_answer' AS kind, pc.plan_id, pc.sent_at AS due_at, pc.unit_id::text AS unit_id, pc.purpose AS label,
                NULL::uuid AS organisation_id, NULL AS action_id
           FROM my_call pc WHERE pc.reaches OR pc.plan_id IN (SELECT p.id FROM open_plan p)
         UNION ALL
         SELECT 'call_to_send', p.id, p.discharge_call_due_at, p.initiating_unit_id::text, NULL, NULL, NULL
           FROM open_plan p
          WHERE ${wants('call_to_send')} AND p.discharge_call_due_at IS NOT NULL AND p.first_call_at IS NULL
         UNION ALL
         -- From the plan's summary of its open actions (migration OpenActionSummary): no lookup per plan.
         SELECT CASE WHEN a.due_date < ${today}::date THEN 'action_overdue' ELSE 'action_due_soon' END,
                p.id, a.due_date::timestamptz, a.performing_unit_id, NULL, a.organisation_id, a.action_id
           FROM open_plan p CROSS JOIN LATERAL unnest(p.open_actions) a
          WHERE ${wants('action_overdue', 'action_due_soon')} AND a.due_date <= ${today}::date + ${DUE_SOON_DAYS}
            AND (a.performing_unit_id = ANY(${units}::uuid[]::text[]) OR (a.performing_unit_id IS NULL AND a.organisation_id = ANY(${orgs}::uuid[])))
            -- An action's words are plan content: only for those who read its section — staff
            -- taking part (a called unit before it confirms reads none), and once consent has
            -- ended only their own principal's actions.
            AND p.takes_part AND (a.organisation_id = ANY(${orgs}::uuid[]) OR ${planConsentInForceSql('p', `${today}::date`)})
         UNION ALL
         SELECT CASE WHEN p.follow_up_date < ${today}::date THEN 'follow_up_overdue' ELSE 'follow_up_due' END,
                p.id, p.follow_up_date::timestamptz, p.initiating_unit_id::text, NULL, NULL, NULL
           FROM open_plan p
          WHERE ${wants('follow_up_overdue', 'follow_up_due')}
            AND p.follow_up_date <= ${today}::date + ${FOLLOW_UP_SOON_DAYS} AND p.state IN ('mote_hallet','faststalld','uppfoljning')
            AND NOT EXISTS (SELECT 1 FROM meeting mt WHERE mt.plan_id = p.id AND mt.kind = 'uppfoljning' AND mt.status = 'planned')
         UNION ALL
         SELECT 'follow_up_date_missing', p.id, NULL, p.initiating_unit_id::text, NULL, NULL, NULL
           FROM open_plan p
          WHERE ${wants('follow_up_date_missing')} AND p.state = 'faststalld' AND p.follow_up_date IS NULL
         UNION ALL
         -- One term per consent not withdrawn (the plan's consent summary): in force today, and its
         -- last day (the period's exclusive upper bound less one) within the next days. The terms
         -- come only for plans with some consent ending by then (the summary's first day ended).
         SELECT 'consent_ending', p.id, (upper(t.valid) - 1)::timestamptz, p.initiating_unit_id::text, NULL, NULL, NULL
           FROM open_plan p CROSS JOIN unnest(p.consent_terms) t
          WHERE ${wants('consent_ending')}
            AND t.valid @> ${today}::date AND upper(t.valid) - 1 <= ${today}::date + ${CONSENT_ENDING_DAYS}),
       page AS (
         SELECT i.*, count(*) OVER () AS total FROM items i
          WHERE (${kind}::text IS NULL OR i.kind = ${kind}) AND (${unit}::uuid IS NULL OR i.unit_id = ${unit}::text)
          -- Byte order for the tie-breakers: a stable order, without the locale's costly comparisons.
          ORDER BY i.due_at NULLS FIRST, i.kind COLLATE "C", i.plan_id, i.organisation_id, i.unit_id COLLATE "C", i.action_id COLLATE "C"
          LIMIT ${limit} OFFSET ${offset})
       -- Names, an action's words and the link only for the rows shown. A performing unit is free
       -- text in the plan: only a known unit is named.
       SELECT page.kind, page.plan_id, page.due_at, u.id AS unit_id, u.name AS unit_name, coalesce(page.label, a.what) AS label, page.total, pe.name AS person_name,
              '/plans/' || page.plan_id || CASE WHEN page.kind IN ('call_to_answer', 'call_to_send') THEN '#calls'
                                                WHEN page.kind IN ('action_overdue', 'action_due_soon') THEN '#actions-' || page.organisation_id
                                                WHEN page.kind = 'consent_ending' THEN '#consent' ELSE '#follow-up' END AS link
         FROM page JOIN plan p ON p.id = page.plan_id JOIN person pe ON pe.id = p.person_id LEFT JOIN unit u ON u.id::text = page.unit_id
         LEFT JOIN plan_action a ON a.plan_id = page.plan_id AND a.organisation_id = page.organisation_id AND a.action_id = page.action_id
               AND a.removed_at IS NULL AND a.status IN ('planned', 'ongoing')
        ORDER BY page.due_at NULLS FIRST, page.kind COLLATE "C", page.plan_id, page.organisation_id, page.unit_id COLLATE "C", page.action_id COLLATE "C"`,
      [...work.params, this.clock.today(), actor.unitIds, actor.organisationIds, query.kind ?? null, query.unitId ?? null, query.limit, query.offset],
    );
    const items: TodoItem[] = rows.map((r) => ({
      kind: r.kind,
      planId: r.plan_id,
      personName: r.person_name,
      dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
      unitId: r.unit_id,
      unitName: r.unit_name,
      label: r.label,
      link: r.link,
    }));
    if (items.length) {
      await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.read', targetType: 'todo', details: { planIds: [...new Set(items.map((i) => i.planId))] } });
    }
    return { items, total: rows[0] ? Number(rows[0].total) : 0 };
  }
}
