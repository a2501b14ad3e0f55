/**
 * SQL that mirrors the plan policy in @sip/shared. `planAccessFactsSql` computes the
 * policy's inputs for one plan; `staffReachablePlansSql` and `citizenReachablePlansSql`
 * select, for a list, exactly the plans the policy would let the actor reach — scoped in
 * SQL, never filtered after loading.
 * test/integration/plan-access.test.ts checks that the two agree for every demo actor.
 *
 * Parameters: $1 actor account id, $2 actor unit ids (uuid[]), $3 actor organisation ids.
 */
import { consentInForceSql, isChildSql, planConsentCoversSql, planConsentEndedSql, planConsentInForceSql, planConsentStateSql } from './domain.sql';

const CONSENT_ACTIVE = consentInForceSql('c');
const CONSENT_STATE_SQL = planConsentStateSql('p');

/**
 * The roles in which a practitioner takes part in a plan (as opposed to the person's side).
 * Migration ParticipantPlanFacts copies the plan's facts onto these roles' rows only: a new
 * staff role needs a migration that fills its rows too.
 */
export const STAFF_ROLES = `('initiativtagare','ordforande','antecknare','samordningsansvarig','kallad_personal','inbjuden')`;

/** The policy's facts for plan $4. */
export const planAccessFactsSql = `
  SELECT p.id, p.state, p.child_secrecy,
         p.lead_organisation_id = ANY($3::uuid[]) AS in_lead_organisation,
         EXISTS (SELECT 1 FROM plan_participant pp
                  WHERE pp.plan_id = p.id AND pp.account_id = $1 AND pp.removed_at IS NULL
                    AND pp.role IN ('ordforande', 'samordningsansvarig')) AS is_chair_or_coordinator,
         p.initiating_unit_id = ANY($2::uuid[]) AS in_initiating_unit,
         p.initiating_organisation_id = ANY($3::uuid[]) AS in_initiating_organisation,
         pe.account_id IS NOT DISTINCT FROM $1::uuid AS is_person,
         (${isChildSql('pe.birth_date')} AND EXISTS (
            SELECT 1 FROM person_relation r
             WHERE r.person_id = p.person_id AND r.account_id = $1 AND r.kind = 'guardian' AND r.has_custody)) AS is_custodial_guardian,
         EXISTS (SELECT 1 FROM person_relation r
                  WHERE r.person_id = p.person_id AND r.account_id = $1 AND r.kind = 'representative') AS is_representative,
         EXISTS (SELECT 1 FROM plan_participant pp
                  WHERE pp.plan_id = p.id AND pp.account_id = $1 AND pp.removed_at IS NULL AND pp.role = 'narstaende') AS is_allowed_relative,
         EXISTS (SELECT 1 FROM plan_participant pp
                  WHERE pp.plan_id = p.id AND pp.account_id = $1 AND pp.removed_at IS NULL AND pp.role IN ${STAFF_ROLES}) AS is_staff_participant,
         EXISTS (SELECT 1 FROM plan_call pc
                  WHERE pc.plan_id = p.id AND pc.unit_id = ANY($2::uuid[]) AND pc.acknowledged_at IS NULL) AS in_called_unit,
         EXISTS (SELECT 1 FROM consent c
                  WHERE c.plan_id = p.id AND ${CONSENT_ACTIVE} AND c.scope_organisation_ids && $3::uuid[]) AS organisation_covered,
         ${CONSENT_STATE_SQL} AS consent_state
    FROM plan p JOIN person pe ON pe.id = p.person_id
   WHERE p.id = $4`;

/**
 * The policy's decision for a practitioner ($2 units, $3 organisations) over one plan's facts
 * (`p`; `prefix` before the plan's column names where they are copies), given whether they take
 * part in it (`participant`) and whether one of their units' unanswered calls is to it (`called`).
 */
const staffDecidesSql = (p: string, participant: string, called: string, prefix = '') => `
  CASE WHEN ${planConsentInForceSql(p, 'current_date', prefix)} THEN (${participant} OR ${called}) AND ${planConsentCoversSql(p, '$3::uuid[]', 'current_date', prefix)}
       -- Withdrawn or ended: each principal's participants keep their own records.
       WHEN ${planConsentEndedSql(p, 'current_date', prefix)} THEN ${participant}
       -- Before any consent: the initiating organisation's participants and unit.
       ELSE ${p}.${prefix}initiating_organisation_id = ANY($3::uuid[])
            AND (${participant} OR ${p}.${prefix}initiating_unit_id = ANY($2::uuid[])) END`;

export interface ReachOptions {
  openOnly?: boolean;
  takesPart?: boolean;
  /** Leave out the plans reached only through my units' unanswered calls (see calledUnitReachesSql). */
  notThroughCallsOnly?: boolean;
}

/**
 * The plans a practitioner reaches: candidates through the indexed relations (my
 * participation, my units' calls, my units' initiations), each relation looked up once,
 * then the plan row — with its consent summary — decides as the policy does. `columns`
 * (", p.state, …") adds plan columns to each row, so that a list need not read plan again;
 * `takesPart` adds whether the actor takes part in the plan (`takes_part`), known from the
 * candidates without asking again.
 * `openOnly` leaves closed plans out, for lists that never show them: the plans my units
 * initiated and closed before consent are not candidates at all (at 100 000 plans they were a
 * quarter of a busy unit's candidates, each a plan lookup).
 * `notThroughCallsOnly` leaves out the plans my units' calls are the only way to: a list that
 * decides those from the calls themselves (calledUnitReachesSql) need not look them up. The
 * calls still count for the plans that remain.
 */
export const staffReachablePlansSql = (columns = '', { openOnly = false, takesPart = false, notThroughCallsOnly = false }: ReachOptions = {}) => `
  SELECT cand.plan_id AS id${takesPart ? ', cand.participant AS takes_part' : ''}${columns}
    FROM (SELECT x.plan_id, bool_or(x.src = 'participant') AS participant, bool_or(x.src = 'called') AS called
            FROM (SELECT pp.plan_id, 'participant' AS src FROM plan_participant pp
                   WHERE pp.account_id = $1 AND pp.removed_at IS NULL AND pp.role IN ${STAFF_ROLES}
                  UNION ALL
                  SELECT pc.plan_id, 'called' FROM plan_call pc
                   WHERE pc.unit_id = ANY($2::uuid[]) AND pc.acknowledged_at IS NULL
                  UNION ALL
                  -- Consent can be 'none' only before it was ever in force: initierad, or closed from there.
                  SELECT pi.id, 'initiating' FROM plan pi
                   WHERE pi.initiating_unit_id = ANY($2::uuid[]) AND pi.state IN ${openOnly ? `('initierad')` : `('initierad', 'avslutad')`}) x
           GROUP BY x.plan_id${notThroughCallsOnly ? ` HAVING bool_or(x.src <> 'called')` : ''}) cand
    JOIN plan p ON p.id = cand.plan_id
   WHERE ${openOnly ? `p.state <> 'avslutad' AND ` : ''}${staffDecidesSql('p', 'cand.participant', 'cand.called')}`;

/** The plan columns of staffWorkPlansSql's rows (copied on each participation as plan_<column>). */
export const WORK_PLAN_COLUMNS = ['state', 'initiating_unit_id', 'discharge_call_due_at', 'first_call_at', 'follow_up_date', 'consent_periods', 'consent_terms', 'consent_ended_from', 'open_actions'];

/**
 * The open plans a practitioner reaches other than only through their units' unanswered calls
 * — staffReachablePlansSql(…, { openOnly, takesPart, notThroughCallsOnly }) — with the plan
 * columns "Att göra" reads (WORK_PLAN_COLUMNS) and `takes_part`. The plans they take part in
 * are decided from the copies of the plan's facts on their participations (migration
 * ParticipantPlanFacts): one index range, no lookup per plan. The plans their units initiated
 * and no one has consented to yet are read from the plan, as before.
 */
export const staffWorkPlansSql = () => `
  SELECT * FROM (SELECT DISTINCT ON (pp.plan_id) pp.plan_id AS id, true AS takes_part, ${WORK_PLAN_COLUMNS.map((c) => `pp.plan_${c} AS ${c}`).join(', ')}
                   FROM plan_participant pp
                  WHERE pp.account_id = $1 AND pp.removed_at IS NULL AND pp.role IN ${STAFF_ROLES} AND pp.plan_state <> 'avslutad'
                    AND ${staffDecidesSql('pp', 'true', 'false', 'plan_')}) mine
  UNION ALL
  SELECT p.id, false, ${WORK_PLAN_COLUMNS.map((c) => `p.${c}`).join(', ')}
    FROM plan p
   WHERE p.initiating_unit_id = ANY($2::uuid[]) AND p.state = 'initierad'
     AND NOT EXISTS (SELECT 1 FROM plan_participant pp
                      WHERE pp.plan_id = p.id AND pp.account_id = $1 AND pp.removed_at IS NULL AND pp.role IN ${STAFF_ROLES})
     AND ${staffDecidesSql('p', 'false', 'EXISTS (SELECT 1 FROM plan_call pc WHERE pc.plan_id = p.id AND pc.unit_id = ANY($2::uuid[]) AND pc.acknowledged_at IS NULL)')}`;

/**
 * Whether my unit reaches a call's plan (`pc`, a plan_call row) through that unanswered call,
 * from the copy of the plan's state and consent summary on the call (migration CallPlanFacts):
 * the plan open, and consent in force covering one of my organisations (`organisations`, a
 * uuid[] parameter). This is the policy's answer for a practitioner's plan they neither take
 * part in nor initiated: consent is never 'none' once a call has gone out (see the candidates
 * above), and once ended only participants keep the plan. A plan I also reach otherwise is
 * among staffReachablePlansSql's. Only for practitioners: no one else reaches a plan through
 * a call.
 */
export const calledUnitReachesSql = (pc: string, organisations: string) =>
  `(${pc}.plan_state <> 'avslutad' AND ${planConsentInForceSql(pc, 'current_date', 'plan_')} AND ${planConsentCoversSql(pc, `${organisations}::uuid[]`, 'current_date', 'plan_')})`;

/** The plans a citizen reaches: their own, their child's, as representative, as allowed relative. */
export const citizenReachablePlansSql = (columns = '') => `
  SELECT p.id${columns} FROM plan p JOIN person pe ON pe.id = p.person_id
   WHERE pe.account_id = $1
  UNION
  SELECT p.id${columns} FROM plan p JOIN person pe ON pe.id = p.person_id
    JOIN person_relation r ON r.person_id = pe.id AND r.account_id = $1
   WHERE (r.kind = 'guardian' AND r.has_custody AND ${isChildSql('pe.birth_date')})
      OR r.kind = 'representative'
  UNION
  SELECT p.id${columns} FROM plan_participant pp JOIN plan p ON p.id = pp.plan_id
   WHERE pp.account_id = $1 AND pp.removed_at IS NULL AND pp.role = 'narstaende' AND ${planConsentInForceSql('p')}`;

/**
 * What the section registry needs about plan $1 (which sections it has) and the actor's
 * ($2) place in it: the organisations they take part for, and whether they chair or
 * coordinate. Principals are listed initiator first, then in the order they joined.
 */
export const sectionFactsSql = `
  SELECT ${isChildSql('pe.birth_date')} AS is_child,
         p.state = 'avslutad' AS closed,
         ARRAY(SELECT o.org FROM (
                 SELECT p.initiating_organisation_id AS org, p.created_at AS since
                 UNION ALL SELECT pp.organisation_id, pp.added_at FROM plan_participant pp
                  WHERE pp.plan_id = p.id AND pp.organisation_id IS NOT NULL
                 UNION ALL SELECT pc.organisation_id, pc.sent_at FROM plan_call pc
                  WHERE pc.plan_id = p.id AND pc.organisation_id IS NOT NULL) o
               GROUP BY o.org ORDER BY min(o.since), o.org) AS principal_organisation_ids,
         ARRAY(SELECT DISTINCT pp.organisation_id FROM plan_participant pp
                WHERE pp.plan_id = p.id AND pp.account_id = $2 AND pp.removed_at IS NULL AND pp.organisation_id IS NOT NULL) AS my_organisation_ids,
         EXISTS (SELECT 1 FROM plan_participant pp WHERE pp.plan_id = p.id AND pp.account_id = $2 AND pp.removed_at IS NULL
                  AND pp.role IN ('ordforande', 'samordningsansvarig')) AS chair_or_coordinator
    FROM plan p JOIN person pe ON pe.id = p.person_id
   WHERE p.id = $1`;
