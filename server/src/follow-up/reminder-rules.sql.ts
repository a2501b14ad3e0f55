import type { ReminderRule } from '@sip/shared';
import { consentInForceSql, planConsentInForceSql } from '../access/domain.sql';

/**
 * One query per reminder rule (shared/src/follow-up/reminder-rules.ts). Each selects, for
 * now ($1) and today ($2, Stockholm), the occurrences due and their recipients — only while
 * the cause stands (open plan, consent in force, item not done) — and not yet reminded.
 * $3 is the rule's default offset; a county may set its own (county_setting.reminder_days).
 * Rows: subject_key (the occurrence), plan_id, account_id, due_at, detail (for the link).
 * A rule may begin with its own WITH: the scan runs it as a CTE of its own.
 */
const STAFF_ROLES = `('initiativtagare','ordforande','antecknare','samordningsansvarig','kallad_personal','inbjuden')`;
/** Occurrences older than this are not reminded on a first scan of old data. */
const WINDOW = `30`;

const offset = (rule: ReminderRule) => `coalesce((cs.reminder_days->>'${rule}')::int, $3)`;
const county = `LEFT JOIN organisation io ON io.id = p.initiating_organisation_id LEFT JOIN county_setting cs ON cs.county_code = io.county_code`;
// Consent in force from the plan row's consent summary (migration ConsentSummary): the plan is
// read anyway, and a semi-join with every consent row cost ~70 ms per rule at 100 000 plans.
const openWithConsent = `p.state <> 'avslutad' AND ${planConsentInForceSql('p', '$2::date')}`;
const notYet = (rule: ReminderRule, key: string, account: string) =>
  `NOT EXISTS (SELECT 1 FROM reminder rm WHERE rm.rule = '${rule}' AND rm.subject_key = ${key} AND rm.account_id = ${account})`;
/**
 * The largest offset any county sets for the rule (or the default): an index-usable bound, so
 * that only occurrences that can be due are read, before each county's own offset is applied.
 */
/**
 * "The initiator", as a recipient: the initiativtagare while they still take part in the
 * plan and their account is in use. Someone removed from the plan, or who left the
 * organisation, is told nothing more about it; a plan whose initiator has gone reminds its
 * samordningsansvarig and chair instead, so that a legal deadline still reaches someone.
 */
const initiatorsOf = (plan: string) => `
  SELECT pp.account_id FROM plan_participant pp JOIN account ac ON ac.id = pp.account_id AND NOT ac.disabled
   WHERE pp.plan_id = ${plan}.id AND pp.removed_at IS NULL
     AND (pp.role = 'initiativtagare'
          OR (pp.role IN ('samordningsansvarig', 'ordforande')
              AND NOT EXISTS (SELECT 1 FROM plan_participant ip JOIN account ia ON ia.id = ip.account_id AND NOT ia.disabled
                               WHERE ip.plan_id = ${plan}.id AND ip.removed_at IS NULL AND ip.role = 'initiativtagare')))`;

const maxOffset = (rule: ReminderRule) =>
  `(SELECT greatest($3, coalesce(max((reminder_days->>'${rule}')::int), 0)) FROM county_setting)`;

/**
 * Occurrences first, recipients after: `due` holds the occurrences (each rule's offset and
 * window, open plan, consent in force) and is read once; recipients are then joined to it as
 * sets — the responsible principal's participants by plan and organisation, the person when
 * the person performs it — and only those not yet reminded are kept. (Before, the
 * recipients were looked up once per candidate in a lateral subquery, and the offset applied
 * only after that, for every action due in the next 60 days.)
 */
function actionRule(rule: 'action_due_soon' | 'action_overdue') {
  const when =
    rule === 'action_due_soon'
      ? `a.due_date >= $2::date AND a.due_date <= $2::date + ${maxOffset(rule)} AND a.due_date - ${offset(rule)} <= $2::date`
      : `a.due_date < $2::date AND a.due_date >= $2::date - ${WINDOW} AND a.due_date + ${offset(rule)} <= $2::date`;
  return `
    WITH due AS MATERIALIZED (
      SELECT concat_ws(':', a.plan_id, a.organisation_id, a.action_id, a.due_date) AS subject_key, a.plan_id, a.organisation_id,
             a.due_date, a.performer, p.person_id
        FROM plan_action a JOIN plan p ON p.id = a.plan_id ${county}
       WHERE a.removed_at IS NULL AND a.status IN ('planned','ongoing') AND ${when} AND ${openWithConsent}),
    recipient AS (
      SELECT d.subject_key, d.plan_id, pp.account_id, d.due_date, d.organisation_id
        FROM due d JOIN plan_participant pp ON pp.plan_id = d.plan_id AND pp.organisation_id = d.organisation_id
             AND pp.removed_at IS NULL AND pp.role IN ${STAFF_ROLES}
        JOIN account ac ON ac.id = pp.account_id AND NOT ac.disabled
      UNION ALL
      SELECT d.subject_key, d.plan_id, pe.account_id, d.due_date, d.organisation_id
        FROM due d JOIN person pe ON pe.id = d.person_id AND pe.account_id IS NOT NULL
       WHERE d.performer = 'person')
    -- Someone with two roles in the plan is one recipient; deduplicated after the anti-join,
    -- which in a running system leaves (almost) nothing.
    SELECT DISTINCT r.subject_key, r.plan_id, r.account_id, r.due_date::timestamptz AS due_at, r.organisation_id::text AS detail
      FROM recipient r WHERE ${notYet(rule, 'r.subject_key', 'r.account_id')}`;
}

function followUpRule(rule: 'follow_up_soon' | 'follow_up_missed') {
  const when =
    rule === 'follow_up_soon'
      ? `p.follow_up_date >= $2::date AND p.follow_up_date <= $2::date + ${maxOffset(rule)} AND p.follow_up_date - ${offset(rule)} <= $2::date`
      : `p.follow_up_date < $2::date AND p.follow_up_date >= $2::date - ${WINDOW} AND p.follow_up_date + ${offset(rule)} <= $2::date`;
  return `
    WITH due AS MATERIALIZED (
      SELECT concat_ws(':', p.id, p.follow_up_date) AS subject_key, p.id AS plan_id, p.lead_organisation_id, p.follow_up_date
        FROM plan p ${county}
       WHERE p.follow_up_date IS NOT NULL AND ${when}
         -- A follow-up meeting already booked or held answers it.
         AND NOT EXISTS (SELECT 1 FROM meeting mt WHERE mt.plan_id = p.id AND mt.kind = 'uppfoljning'
                          AND (mt.status = 'planned' OR (mt.status = 'held' AND mt.held_on >= p.follow_up_date - 30)))
         AND ${openWithConsent}),
    recipient AS (
      -- The samordningsansvarig, and the huvudansvarig principal's participants.
      SELECT d.subject_key, d.plan_id, pp.account_id, d.follow_up_date
        FROM due d JOIN plan_participant pp ON pp.plan_id = d.plan_id AND pp.removed_at IS NULL
             AND (pp.role = 'samordningsansvarig' OR (pp.organisation_id = d.lead_organisation_id AND pp.role IN ${STAFF_ROLES}))
        JOIN account ac ON ac.id = pp.account_id AND NOT ac.disabled)
    SELECT DISTINCT r.subject_key, r.plan_id, r.account_id, r.follow_up_date::timestamptz AS due_at, NULL AS detail
      FROM recipient r WHERE ${notYet(rule, 'r.subject_key', 'r.account_id')}`;
}

function dischargeRule(rule: 'discharge_call_due' | 'discharge_call_missed') {
  const key = `concat_ws(':', p.id, p.discharge_call_due_at)`;
  const when =
    rule === 'discharge_call_due'
      ? `p.discharge_call_due_at > $1 AND p.discharge_call_due_at - make_interval(hours => ${offset(rule)}) <= $1`
      : `p.discharge_call_due_at <= $1 - make_interval(hours => ${offset(rule)}) AND p.discharge_call_due_at >= $1 - interval '${WINDOW} days'`;
  // Before consent the plan is the initiator's alone; the deadline runs all the same.
  return `
    SELECT DISTINCT ${key} AS subject_key, p.id AS plan_id, r.account_id, p.discharge_call_due_at AS due_at, NULL AS detail
      FROM plan p ${county} CROSS JOIN LATERAL (${initiatorsOf('p')}) r
     WHERE p.discharge_call_due_at IS NOT NULL AND p.first_call_at IS NULL AND p.state <> 'avslutad' AND ${when}
       AND ${notYet(rule, key, 'r.account_id')}`;
}

export const REMINDER_SQL: Record<ReminderRule, string> = {
  action_due_soon: actionRule('action_due_soon'),
  action_overdue: actionRule('action_overdue'),
  follow_up_soon: followUpRule('follow_up_soon'),
  follow_up_missed: followUpRule('follow_up_missed'),
  discharge_call_due: dischargeRule('discharge_call_due'),
  discharge_call_missed: dischargeRule('discharge_call_missed'),
  // Candidates only: working days are counted in the scan (Stockholm calendar).
  call_unanswered: `
    SELECT pc.id::text AS subject_key, pc.plan_id, au.account_id, pc.sent_at AS due_at, ${offset('call_unanswered')}::text AS detail
      FROM plan_call pc JOIN plan p ON p.id = pc.plan_id ${county}
      JOIN account_unit au ON au.unit_id = pc.unit_id
      JOIN account ac ON ac.id = au.account_id AND NOT ac.disabled AND 'practitioner' = ANY(ac.system_roles)
     WHERE pc.kind = 'kallelse' AND pc.acknowledged_at IS NULL
       AND pc.sent_at <= $1 - interval '1 day' AND pc.sent_at >= $1 - interval '${WINDOW} days'
       AND ${openWithConsent} AND ${notYet('call_unanswered', 'pc.id::text', 'au.account_id')}`,
  consent_ending: `
    SELECT concat_ws(':', c.id, c.valid_to) AS subject_key, p.id AS plan_id, r.account_id, c.valid_to::timestamptz AS due_at, NULL AS detail
      FROM consent c JOIN plan p ON p.id = c.plan_id ${county}
      CROSS JOIN LATERAL (
        ${initiatorsOf('p')}
        UNION SELECT pe.account_id FROM person pe WHERE pe.id = p.person_id AND pe.account_id IS NOT NULL) r
     WHERE ${consentInForceSql('c', '$2::date')} AND c.valid_to IS NOT NULL
       AND c.valid_to <= $2::date + 90 AND c.valid_to - ${offset('consent_ending')} <= $2::date
       AND p.state <> 'avslutad' AND ${notYet('consent_ending', `concat_ws(':', c.id, c.valid_to)`, 'r.account_id')}`,
  meeting_tomorrow: `
    SELECT concat_ws(':', mt.id, mt.starts_at) AS subject_key, mt.plan_id, r.account_id, mt.starts_at AS due_at, mt.id::text AS detail
      FROM meeting mt JOIN plan p ON p.id = mt.plan_id ${county}
      CROSS JOIN LATERAL (
        SELECT pp.account_id FROM plan_participant pp JOIN account ac ON ac.id = pp.account_id AND NOT ac.disabled
         WHERE pp.plan_id = mt.plan_id AND pp.removed_at IS NULL) r
     WHERE mt.status = 'planned' AND mt.starts_at > $1 AND mt.starts_at <= $1 + interval '${WINDOW} days'
       AND mt.starts_at - make_interval(days => ${offset('meeting_tomorrow')}) <= $1
       AND ${openWithConsent} AND ${notYet('meeting_tomorrow', `concat_ws(':', mt.id, mt.starts_at)`, 'r.account_id')}`,
};
