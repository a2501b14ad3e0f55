import { AGE_BANDS_FINE, type IndicatorId, SWEDISH_TIME_ZONE } from '@sip/shared';

/**
 * Each available indicator as the cases it counts, straight from the facts: one row per case
 * with the plan, the date that places it in a month (on_date), the date the person's age is
 * taken on (age_on), the indicator's own category, the value for a median, and num / n (a
 * share's numerator and denominator; a count's n; a stock's +1 when a plan opens and −1 when
 * it closes). Nothing here reads the plan's text: only states, times, counts of rows and
 * what plan_content_fact says was recorded.
 *
 * Parameters: $1 now (timestamptz), $2 today (date, Stockholm).
 *
 * An indicator waiting for its facts (status 'not_yet_available' in
 * shared/src/indicators/indicators.ts) gets a query here when those facts are stored.
 */

/** A timestamptz as its Stockholm calendar date. */
const day = (expr: string) => `((${expr}) AT TIME ZONE '${SWEDISH_TIME_ZONE}')::date`;

const FIRST_CALL = `(SELECT plan_id, min(sent_at) AS at FROM plan_call GROUP BY plan_id)`;
const FIRST_MEETING = `(SELECT plan_id, min(held_on) AS held_on FROM meeting WHERE kind = 'sip' AND status = 'held' AND held_on IS NOT NULL GROUP BY plan_id)`;
const MEETINGS_HELD = `meeting m WHERE m.status = 'held' AND m.kind IN ('sip', 'uppfoljning') AND m.held_on IS NOT NULL`;
const recordedBy = (fact: string, plan: string, date: string) =>
  `EXISTS (SELECT 1 FROM plan_content_fact f WHERE f.plan_id = ${plan} AND f.fact = '${fact}' AND ${day('f.recorded_at')} <= ${date})`;
/** How long after a meeting its follow-up date may be entered (recording the meeting, finalising). */
export const FOLLOW_UP_DATE_GRACE_DAYS = 7;

const row = (plan: string, onDate: string, { ageOn = onDate, category = 'NULL', value = 'NULL', num = '0', n = '1' } = {}) =>
  `SELECT ${plan} AS plan_id, ${onDate} AS on_date, ${ageOn} AS age_on, (${category})::text AS category, (${value})::int AS value, (${num})::int AS num, (${n})::int AS n`;

export const INDICATOR_FACTS: Partial<Record<IndicatorId, string>> = {
  // A stock: +1 in the month the plan opened, −1 in the month it closed; age when it opened.
  active_plans: `
    ${row('p.id', day('p.created_at'))} FROM plan p
    UNION ALL
    ${row('p.id', day('p.closed_at'), { ageOn: day('p.created_at'), n: '-1' })} FROM plan p WHERE p.state = 'avslutad' AND p.closed_at IS NOT NULL`,

  new_plans: `${row('p.id', day('p.created_at'))} FROM plan p`,

  days_initiation_to_call: `
    ${row('p.id', day('fc.at'), { value: `${day('fc.at')} - ${day('p.created_at')}` })}
      FROM plan p JOIN ${FIRST_CALL} fc ON fc.plan_id = p.id`,

  // Plans closed before their deadline without a call are not counted.
  discharge_call_in_time: `
    ${row('p.id', day('p.discharge_call_due_at'), { num: 'fc.at IS NOT NULL AND fc.at <= p.discharge_call_due_at' })}
      FROM plan p LEFT JOIN ${FIRST_CALL} fc ON fc.plan_id = p.id
     WHERE p.trigger = 'discharge' AND p.discharge_call_due_at IS NOT NULL
       AND (p.discharge_call_due_at <= $1 OR fc.at IS NOT NULL)
       AND NOT (fc.at IS NULL AND p.closed_at IS NOT NULL AND p.closed_at < p.discharge_call_due_at)`,

  days_call_to_meeting: `
    ${row('p.id', 'fm.held_on', { value: `fm.held_on - ${day('fc.at')}` })}
      FROM plan p JOIN ${FIRST_MEETING} fm ON fm.plan_id = p.id JOIN ${FIRST_CALL} fc ON fc.plan_id = p.id
     WHERE ${day('fc.at')} <= fm.held_on`,

  person_participation: `
    ${row('m.plan_id', 'm.held_on', { num: `coalesce(m.person_took_part, false) AND ${recordedBy('person_goals', 'm.plan_id', 'm.held_on')}` })}
      FROM ${MEETINGS_HELD}`,

  child_view_recorded: `
    ${row('p.id', 'fm.held_on', { num: recordedBy('child_view', 'p.id', 'fm.held_on') })}
      FROM plan p JOIN ${FIRST_MEETING} fm ON fm.plan_id = p.id JOIN person pe ON pe.id = p.person_id
     WHERE age(fm.held_on, pe.birth_date) < interval '18 years'`,

  relatives_took_part: `${row('m.plan_id', 'm.held_on', { num: 'coalesce(m.relatives_took_part, false)' })} FROM ${MEETINGS_HELD}`,

  // The four statutory items, as rows that exist — never what they say.
  statutory_completeness: `
    ${row('p.id', 'fm.held_on', {
      num: `EXISTS (SELECT 1 FROM plan_need n WHERE n.plan_id = p.id)
        AND p.lead_organisation_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM plan_other_measure o WHERE o.plan_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM plan_participant pp JOIN organisation o ON o.id = pp.organisation_id
                         WHERE pp.plan_id = p.id AND pp.removed_at IS NULL AND o.kind IN ('kommun', 'region')
                           AND NOT EXISTS (SELECT 1 FROM plan_action a WHERE a.plan_id = p.id AND a.organisation_id = o.id AND a.removed_at IS NULL))`,
    })}
      FROM plan p JOIN ${FIRST_MEETING} fm ON fm.plan_id = p.id`,

  lead_and_coordinator_named: `
    ${row('p.id', 'fm.held_on', {
      num: `p.lead_organisation_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM plan_participant pp WHERE pp.plan_id = p.id AND pp.role = 'samordningsansvarig' AND pp.removed_at IS NULL)`,
    })}
      FROM plan p JOIN ${FIRST_MEETING} fm ON fm.plan_id = p.id`,

  // Meetings after which the plan was closed within the grace period need no follow-up date.
  follow_up_date_set: `
    ${row('m.plan_id', 'm.held_on', {
      num: `EXISTS (SELECT 1 FROM plan_follow_up_date d WHERE d.plan_id = m.plan_id AND d.due_date > m.held_on
                      AND ${day('d.set_at')} <= m.held_on + ${FOLLOW_UP_DATE_GRACE_DAYS})`,
    })}
      FROM ${MEETINGS_HELD}
       AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.id = m.plan_id AND p.closed_at IS NOT NULL AND ${day('p.closed_at')} <= m.held_on + ${FOLLOW_UP_DATE_GRACE_DAYS})`,

  // Each follow-up date that came (before today) while still in force — or that was replaced
  // because the follow-up was held early — in a plan not closed by then.
  follow_ups_on_time: `
    ${row('d.plan_id', 'd.due_date', {
      num: `EXISTS (SELECT 1 FROM meeting m WHERE m.plan_id = d.plan_id AND m.kind = 'uppfoljning' AND m.status = 'held'
                      AND m.held_on <= d.due_date AND m.held_on > ${day('d.set_at')})`,
    })}
      FROM (SELECT f.*, lead(f.set_at) OVER (PARTITION BY f.plan_id ORDER BY f.set_at, f.id) AS replaced_at FROM plan_follow_up_date f) d
      JOIN plan p ON p.id = d.plan_id
     WHERE d.due_date < $2
       AND NOT (p.closed_at IS NOT NULL AND ${day('p.closed_at')} <= d.due_date)
       AND (d.replaced_at IS NULL OR ${day('d.replaced_at')} > d.due_date
            OR EXISTS (SELECT 1 FROM meeting m WHERE m.plan_id = d.plan_id AND m.kind = 'uppfoljning' AND m.status = 'held'
                         AND m.held_on <= d.due_date AND m.held_on > ${day('d.set_at')}))`,

  actions_done_on_time: `
    ${row('a.plan_id', 'a.due_date', { category: 'a.organisation_id', num: `a.status = 'done' AND a.done_at IS NOT NULL AND ${day('a.done_at')} <= a.due_date` })}
      FROM plan_action a WHERE a.removed_at IS NULL AND a.due_date IS NOT NULL AND a.due_date < $2`,

  // Each plan once, on the day it was first finalised; the fact is plan.plan_delivery (digital
  // or copy, set in part 5 of the meeting or on the plan page) — never how it is sent.
  person_access_to_plan: `
    ${row('p.id', day('ff.at'), { num: 'p.plan_delivery IS NOT NULL' })}
      FROM plan p JOIN (SELECT plan_id, min(at) AS at FROM plan_transition WHERE to_state = 'faststalld' GROUP BY plan_id) ff ON ff.plan_id = p.id`,

  // Each principal (kommun, region) called to a held meeting, once however many of its units
  // were called; counted when someone taking part for it attended (not absent) with the mandate.
  called_principals_attending: `
    ${row('m.plan_id', 'm.held_on', {
      num: `EXISTS (SELECT 1 FROM meeting_attendance ma JOIN plan_participant pp ON pp.id = ma.participant_id
                     WHERE ma.meeting_id = m.id AND pp.organisation_id = c.organisation_id AND ma.mode <> 'absent' AND ma.with_mandate)`,
    })}
      FROM (SELECT DISTINCT meeting_id, organisation_id FROM plan_call WHERE kind = 'kallelse') c
      JOIN organisation o ON o.id = c.organisation_id AND o.kind IN ('kommun', 'region'), ${MEETINGS_HELD} AND m.id = c.meeting_id`,

  // The three answers of the person's side after a held meeting — read as yes or not, never
  // the comment. Shown only over EVALUATION_MIN_ANSWERS or more (statistics-tables.ts).
  person_rating: `
    ${row('e.plan_id', 'm.held_on', { num: `e.satisfied = 'yes' AND e.understood = 'yes' AND e.knows_contact = 'yes'` })}
      FROM meeting_evaluation e, ${MEETINGS_HELD} AND m.id = e.meeting_id AND e.respondent = 'person_side'`,

  closings: `
    ${row('p.id', day('p.closed_at'), { category: `coalesce(p.closing_reason, 'other')` })}
      FROM plan p WHERE p.state = 'avslutad' AND p.closed_at IS NOT NULL`,
};

/** The person's fine age band (shared AGE_BANDS_FINE) on `onDate`, in SQL. */
export function ageBandSql(onDate: string, birthDate: string): string {
  const age = `extract(year FROM age(${onDate}, ${birthDate}))`;
  const lower = AGE_BANDS_FINE.map((band) => [band, Number.parseInt(band, 10)] as const);
  const cases = lower
    .slice(1)
    .map(([, from], i) => `WHEN ${age} < ${from} THEN '${lower[i]![0]}'`)
    .join(' ');
  return `CASE ${cases} ELSE '${lower[lower.length - 1]![0]}' END`;
}
