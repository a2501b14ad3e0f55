import { expect, it } from 'vitest';
import { runBeside, useSqlDatabase } from '../support/database';

/**
 * The plan's facts copied onto each call (migration CallPlanFacts), from which "Att göra"
 * decides whether a called unit reaches the plan, equal the plan's own — after writes to the
 * plan, to its consents (which rewrite the plan's consent summary) and new calls.
 */
const db = useSqlDatabase();

async function disagreements() {
  const { rows } = await db.query(`
    SELECT pc.id, pc.plan_state, p.state FROM plan_call pc JOIN plan p ON p.id = pc.plan_id
     WHERE (pc.plan_state, pc.plan_consent_terms, pc.plan_consent_periods) IS DISTINCT FROM (p.state, p.consent_terms, p.consent_periods)
     LIMIT 5`);
  return rows;
}

async function calledPlan(): Promise<{ plan_id: string; id: string }> {
  const { rows } = await db.query(`SELECT plan_id, id FROM plan_call ORDER BY plan_id LIMIT 1`);
  expect(rows).toHaveLength(1);
  return rows[0];
}

it('agrees with the plans as seeded', async () => {
  expect(await disagreements()).toEqual([]);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM plan_call WHERE cardinality(plan_consent_terms) > 0`);
  expect(rows[0].n).toBeGreaterThan(0);
});

it('follows the plan’s state and consents, and a new call starts with its plan’s facts', async () => {
  const { plan_id: planId, id: callId } = await calledPlan();
  const facts = async () => (await db.query(`SELECT plan_state, plan_consent_periods::text AS periods FROM plan_call WHERE id = $1`, [callId])).rows[0];
  await db.query(`UPDATE plan SET state = 'uppfoljning' WHERE id = $1`, [planId]);
  expect((await facts()).plan_state).toBe('uppfoljning');
  await db.query(`UPDATE consent SET valid_from = current_date - 30, valid_to = current_date - 1 WHERE plan_id = $1`, [planId]);
  expect(await disagreements()).toEqual([]);
  await db.query(`UPDATE consent SET withdrawn_at = now() WHERE plan_id = $1`, [planId]);
  expect(await disagreements()).toEqual([]);
  expect((await facts()).periods).toBe('{}');
  await db.query(`DELETE FROM consent WHERE plan_id = $1`, [planId]);
  await db.query(`UPDATE plan SET state = 'avslutad' WHERE id = $1`, [planId]);
  expect(await disagreements()).toEqual([]);
  // A second call on another plan, written as the call service writes it.
  const { rows } = await db.query(
    `INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, purpose, sent_by)
     SELECT pc.plan_id, pc.meeting_id, pc.kind, pc.organisation_id, pc.unit_id, 'Ny kallelse', pc.sent_by FROM plan_call pc
      WHERE pc.plan_id <> $1 AND pc.kind = 'kallelse' ORDER BY pc.plan_id LIMIT 1 RETURNING id`,
    [planId],
  );
  expect(rows).toHaveLength(1);
  expect(await disagreements()).toEqual([]);
});

it('cannot be written by hand, follows a new consent and a TRUNCATE of consent', async () => {
  const { plan_id: planId, id: callId } = await calledPlan();
  await db.query(`UPDATE plan_call SET plan_state = 'kallad', plan_consent_periods = '{[2000-01-01,2100-01-01)}' WHERE id = $1`, [callId]);
  expect(await disagreements()).toEqual([]);
  await db.query(
    `INSERT INTO consent (plan_id, given_by, form, documented_by, scope_organisation_ids, valid_from, valid_to)
     SELECT c.plan_id, c.given_by, c.form, c.documented_by, c.scope_organisation_ids, current_date, current_date + 20
       FROM consent c WHERE c.plan_id <> $1 ORDER BY c.plan_id LIMIT 1`,
    [planId],
  );
  expect(await disagreements()).toEqual([]);
  await db.query('BEGIN');
  try {
    await db.query('TRUNCATE consent CASCADE');
    expect(await disagreements()).toEqual([]);
    expect((await db.query(`SELECT count(*)::int AS n FROM plan_call WHERE NOT isempty(plan_consent_periods)`)).rows[0].n).toBe(0);
  } finally {
    await db.query('ROLLBACK');
  }
});

it('a call written while its plan’s consent is being withdrawn copies the withdrawal, not what it replaces', async () => {
  const { rows } = await db.query(`SELECT pc.plan_id FROM plan_call pc JOIN plan p ON p.id = pc.plan_id
                                     WHERE NOT isempty(p.consent_periods) AND pc.kind = 'kallelse' ORDER BY pc.plan_id LIMIT 1`);
  const planId = rows[0].plan_id as string;
  const withdrawing = await db.connect();
  const calling = await db.connect();
  try {
    await withdrawing.query('BEGIN');
    await withdrawing.query(`UPDATE consent SET withdrawn_at = now() WHERE plan_id = $1`, [planId]);
    const { waited, done } = await runBeside(
      withdrawing,
      calling,
      `INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, purpose, sent_by)
       SELECT plan_id, meeting_id, kind, organisation_id, unit_id, 'Samtidig kallelse', sent_by FROM plan_call WHERE plan_id = $1 AND kind = 'kallelse' LIMIT 1`,
      [planId],
    );
    expect(waited).toBe(true);
    await withdrawing.query('COMMIT');
    await done;
    expect(await disagreements()).toEqual([]);
  } finally {
    await withdrawing.end();
    await calling.end();
  }
});

it('would notice a stale copy', async () => {
  const { plan_id: planId } = await calledPlan();
  await db.query(`ALTER TABLE plan DISABLE TRIGGER plan_call_plan_facts_follow`);
  try {
    await db.query(`UPDATE plan SET state = CASE WHEN state = 'uppfoljning' THEN 'faststalld' ELSE 'uppfoljning' END WHERE id = $1`, [planId]);
    expect((await disagreements()).length).toBeGreaterThan(0);
  } finally {
    await db.query(`ALTER TABLE plan ENABLE TRIGGER plan_call_plan_facts_follow`);
  }
});
