import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../server/src/access/plan-access.sql';
import { runBeside, useSqlDatabase } from '../support/database';

/**
 * The plan's facts copied onto its calls (migration CallPlanFacts) and its participations
 * (migration ParticipantPlanFacts), from which "Att göra" decides and builds its list without
 * looking each plan up, equal the plan's own — after writes to the plan, to its consents and
 * actions (which rewrite the plan's summaries), and new rows.
 */
const db = useSqlDatabase();

interface Copy {
  table: string;
  /** The plan columns copied, each as plan_<column>. */
  columns: string[];
  /** The rows that carry the copy; the others carry none. */
  carrying: string;
  follow: string;
  /** A new row on plan $1, written as the services write one, copied from an existing one. */
  insertLike: string;
}

const COPIES: Copy[] = [
  {
    table: 'plan_call',
    columns: ['consent_periods', 'consent_terms', 'state'],
    carrying: 'true',
    follow: 'plan_call_plan_facts_follow',
    insertLike: `INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, purpose, sent_by)
                 SELECT $1, meeting_id, kind, organisation_id, unit_id, 'Ny kallelse', sent_by FROM plan_call WHERE kind = 'kallelse' ORDER BY plan_id = $1 DESC LIMIT 1`,
  },
  {
    table: 'plan_participant',
    columns: ['consent_ended_from', 'consent_periods', 'consent_terms', 'discharge_call_due_at', 'first_call_at', 'follow_up_date', 'initiating_organisation_id', 'initiating_unit_id', 'open_actions', 'state'],
    carrying: `c.removed_at IS NULL AND c.role IN ${STAFF_ROLES}`,
    follow: 'plan_participant_plan_facts_follow',
    insertLike: `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by)
                 SELECT $1, 'inbjuden', pp.account_id, pp.organisation_id, pp.unit_id, pp.account_id FROM plan_participant pp
                  WHERE pp.role = 'initiativtagare' AND NOT EXISTS (SELECT 1 FROM plan_participant o WHERE o.plan_id = $1 AND o.account_id = pp.account_id)
                  LIMIT 1`,
  },
];

describe.each(COPIES)('the plan’s facts on $table', (copy) => {
  const list = (prefix: string, plan = false) => copy.columns.map((c) => `${prefix}${plan ? '' : 'plan_'}${c}`).join(', ');

  /** Rows whose copy differs from their plan's facts, or that carry one they should not. */
  async function disagreements() {
    const { rows } = await db.query(`
      SELECT c.id, c.plan_state, p.state FROM ${copy.table} c JOIN plan p ON p.id = c.plan_id
       WHERE CASE WHEN ${copy.carrying} THEN (${list('c.')}) IS DISTINCT FROM (${list('p.', true)})
                  ELSE (${list('c.')}) IS DISTINCT FROM (${copy.columns.map(() => 'NULL').join(', ')}) END
       LIMIT 5`);
    return rows;
  }

  /** A plan with consent in force (and open actions, while the demo has one left) and rows of this table. */
  async function busyPlan(): Promise<{ plan_id: string; id: string }> {
    const { rows } = await db.query(`
      SELECT c.plan_id, c.id FROM ${copy.table} c JOIN plan p ON p.id = c.plan_id
       WHERE NOT isempty(p.consent_periods) ORDER BY cardinality(p.open_actions) > 0 DESC, c.plan_id, c.id LIMIT 1`);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  it('agrees with the plans as seeded, every plan_ column among the facts compared', async () => {
    const { rows: columns } = await db.query(
      `SELECT substr(column_name, 6) AS name FROM information_schema.columns
        WHERE table_name = $1 AND column_name LIKE 'plan\\_%' AND column_name <> 'plan_id' ORDER BY column_name`,
      [copy.table],
    );
    expect(columns.map((c) => c.name)).toEqual(copy.columns);
    expect(await disagreements()).toEqual([]);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${copy.table} WHERE cardinality(plan_consent_terms) > 0`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('follows each fact of the plan, its consents and its actions, and a new row starts with its plan’s facts', async () => {
    const { plan_id: planId, id } = await busyPlan();
    expect((await db.query(`SELECT cardinality(open_actions) AS n FROM plan WHERE id = $1`, [planId])).rows[0].n).toBeGreaterThan(0);
    const facts = async () => (await db.query(`SELECT plan_state, plan_consent_periods::text AS periods FROM ${copy.table} WHERE id = $1`, [id])).rows[0];
    await db.query(`UPDATE plan SET state = 'uppfoljning' WHERE id = $1`, [planId]);
    expect((await facts()).plan_state).toBe('uppfoljning');
    await db.query(`UPDATE plan SET follow_up_date = current_date + 5, first_call_at = now(), discharge_call_due_at = now() + interval '1 day' WHERE id = $1`, [planId]);
    expect(await disagreements()).toEqual([]);
    await db.query(`UPDATE plan_action SET due_date = current_date - 3 WHERE plan_id = $1`, [planId]);
    expect(await disagreements()).toEqual([]);
    await db.query(`UPDATE plan_action SET status = 'done' WHERE plan_id = $1`, [planId]);
    expect(await disagreements()).toEqual([]);
    await db.query(`UPDATE consent SET valid_from = current_date - 30, valid_to = current_date - 1 WHERE plan_id = $1`, [planId]);
    expect(await disagreements()).toEqual([]);
    await db.query(`UPDATE consent SET withdrawn_at = now() WHERE plan_id = $1`, [planId]);
    expect(await disagreements()).toEqual([]);
    expect((await facts()).periods).toBe('{}');
    await db.query(`DELETE FROM consent WHERE plan_id = $1`, [planId]);
    await db.query(`UPDATE plan SET state = 'avslutad' WHERE id = $1`, [planId]);
    expect(await disagreements()).toEqual([]);
    // A new row on another plan.
    const { rows: [other] } = await db.query(`SELECT id FROM plan WHERE id <> $1 AND NOT isempty(consent_periods) ORDER BY id LIMIT 1`, [planId]);
    const { rows } = await db.query(`${copy.insertLike} RETURNING id`, [other.id]);
    expect(rows).toHaveLength(1);
    expect(await disagreements()).toEqual([]);
  });

  it('cannot be written by hand, follows a new consent and a TRUNCATE of consent and of the actions', async () => {
    const { plan_id: planId, id } = await busyPlan();
    await db.query(`UPDATE ${copy.table} SET plan_state = 'kallad', plan_consent_periods = '{[2000-01-01,2100-01-01)}' WHERE id = $1`, [id]);
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
      await db.query('TRUNCATE plan_action CASCADE');
      expect(await disagreements()).toEqual([]);
      expect((await db.query(`SELECT count(*)::int AS n FROM ${copy.table} WHERE NOT isempty(plan_consent_periods)`)).rows[0].n).toBe(0);
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('a row written while its plan’s consent is being withdrawn copies the withdrawal, not what it replaces', async () => {
    const { plan_id: planId } = await busyPlan();
    const withdrawing = await db.connect();
    const writing = await db.connect();
    try {
      await withdrawing.query('BEGIN');
      await withdrawing.query(`UPDATE consent SET withdrawn_at = now() WHERE plan_id = $1`, [planId]);
      const { waited, done } = await runBeside(withdrawing, writing, copy.insertLike, [planId]);
      expect(waited).toBe(true);
      await withdrawing.query('COMMIT');
      expect((await done).rowCount).toBe(1);
      expect(await disagreements()).toEqual([]);
    } finally {
      await withdrawing.end();
      await writing.end();
    }
  });

  it('refuses a change of the plan’s facts outside READ COMMITTED, where rows written meanwhile would be missed', async () => {
    const { plan_id: planId } = await busyPlan();
    const other = await db.connect();
    try {
      await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await expect(other.query(`UPDATE plan SET follow_up_date = current_date + 9, state = 'uppfoljning' WHERE id = $1`, [planId])).rejects.toThrow(/READ COMMITTED/);
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }
    expect(await disagreements()).toEqual([]);
  });

  it('would notice a stale copy', async () => {
    const { plan_id: planId } = await busyPlan();
    await db.query(`ALTER TABLE plan DISABLE TRIGGER ${copy.follow}`);
    try {
      await db.query(`UPDATE plan SET state = CASE WHEN state = 'uppfoljning' THEN 'faststalld' ELSE 'uppfoljning' END WHERE id = $1`, [planId]);
      expect((await disagreements()).length).toBeGreaterThan(0);
    } finally {
      await db.query(`ALTER TABLE plan ENABLE TRIGGER ${copy.follow}`);
    }
  });
});

it('a participation removed, or the person’s and relatives’ rows, carry no copy; a staff row gets it back when written', async () => {
  const { rows } = await db.query(`SELECT id, plan_id FROM plan_participant WHERE removed_at IS NULL AND role = 'inbjuden' ORDER BY id LIMIT 1`);
  const [row] = rows.length ? rows : (await db.query(`SELECT id, plan_id FROM plan_participant WHERE removed_at IS NULL AND role IN ${STAFF_ROLES} ORDER BY id LIMIT 1`)).rows;
  const copyOf = async () => (await db.query(`SELECT plan_state FROM plan_participant WHERE id = $1`, [row.id])).rows[0].plan_state;
  expect(await copyOf()).not.toBeNull();
  await db.query(`UPDATE plan_participant SET removed_at = now() WHERE id = $1`, [row.id]);
  expect(await copyOf()).toBeNull();
  await db.query(`UPDATE plan SET follow_up_date = current_date + 11 WHERE id = $1`, [row.plan_id]);
  expect(await copyOf()).toBeNull();
  const { rows: personRows } = await db.query(`SELECT count(*)::int AS n FROM plan_participant WHERE role IN ('huvudperson', 'narstaende') AND plan_state IS NULL`);
  expect(personRows[0].n).toBeGreaterThan(0);
  await db.query(`UPDATE plan_participant SET removed_at = NULL WHERE id = $1`, [row.id]);
  expect(await copyOf()).not.toBeNull();
});

it('the participations’ fill copies onto exactly the staff roles the reach reads (STAFF_ROLES): a new role needs a migration', async () => {
  const { rows } = await db.query(`SELECT pg_get_functiondef('plan_participant_plan_facts_fill'::regproc) AS def`);
  expect(rows[0].def).toContain(`NEW.role IN ${STAFF_ROLES}`);
});

