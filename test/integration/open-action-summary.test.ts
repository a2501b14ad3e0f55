import { expect, it } from 'vitest';
import { runBeside, useSqlDatabase } from '../support/database';

/**
 * The summary of open actions on the plan row (migration OpenActionSummary), which "Att göra"
 * reads instead of the action rows, holds exactly the plan's open actions with a due date —
 * after every kind of write to plan_action. A write path that skips it fails here.
 */
const db = useSqlDatabase();

/** Plans whose summary differs from their action rows (as text, in the summary's order). */
async function disagreements() {
  const { rows } = await db.query(`
    SELECT p.id, p.open_actions::text AS summary, coalesce(r.actions, '{}')::text AS from_rows
      FROM plan p
      LEFT JOIN (SELECT a.plan_id, array_agg(ROW(a.due_date, a.performing_unit_id, a.organisation_id, a.action_id)::open_action
                                             ORDER BY a.due_date, a.organisation_id, a.action_id) AS actions
                   FROM plan_action a
                  WHERE a.removed_at IS NULL AND a.status IN ('planned', 'ongoing') AND a.due_date IS NOT NULL
                  GROUP BY a.plan_id) r ON r.plan_id = p.id
     WHERE p.open_actions::text IS DISTINCT FROM coalesce(r.actions, '{}')::text
     LIMIT 5`);
  return rows;
}

async function planWithActions(): Promise<{ plan_id: string; organisation_id: string; action_id: string }> {
  const { rows } = await db.query(`SELECT plan_id, organisation_id, action_id FROM plan_action
                                     WHERE removed_at IS NULL AND status IN ('planned','ongoing') AND due_date IS NOT NULL
                                     ORDER BY plan_id, action_id LIMIT 1`);
  expect(rows).toHaveLength(1);
  return rows[0];
}

it('agrees with the action rows as seeded, and the demo plans have open actions in it', async () => {
  expect(await disagreements()).toEqual([]);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM plan WHERE cardinality(open_actions) > 0`);
  expect(rows[0].n).toBeGreaterThan(0);
});

it('stays in step with every write to plan_action: new, done, new date, removed, undated, deleted, many rows at once', async () => {
  const a = await planWithActions();
  const key = [a.plan_id, a.organisation_id, a.action_id];
  await db.query(
    `INSERT INTO plan_action (plan_id, organisation_id, action_id, what, status, due_date)
     SELECT plan_id, organisation_id, 'extra-' || g, 'Ny insats', 'planned', current_date + g FROM plan_action, generate_series(1, 3) g
      WHERE plan_id = $1 AND organisation_id = $2 AND action_id = $3`,
    key,
  );
  expect(await disagreements()).toEqual([]);
  const summary = async () => (await db.query(`SELECT open_actions::text AS s FROM plan WHERE id = $1`, [a.plan_id])).rows[0].s as string;
  expect(await summary()).toContain('extra-2');
  await db.query(`UPDATE plan_action SET due_date = current_date - 10 WHERE plan_id = $1 AND organisation_id = $2 AND action_id = $3`, key);
  expect(await disagreements()).toEqual([]);
  await db.query(`UPDATE plan_action SET status = 'done' WHERE plan_id = $1 AND action_id = 'extra-1'`, [a.plan_id]);
  expect(await disagreements()).toEqual([]);
  expect(await summary()).not.toContain('extra-1');
  await db.query(`UPDATE plan_action SET removed_at = now() WHERE plan_id = $1 AND action_id = 'extra-2'`, [a.plan_id]);
  await db.query(`UPDATE plan_action SET due_date = NULL WHERE plan_id = $1 AND action_id = 'extra-3'`, [a.plan_id]);
  expect(await disagreements()).toEqual([]);
  // Two plans' actions changed in one statement.
  await db.query(`UPDATE plan_action SET status = 'ongoing', performing_unit_id = 'elsewhere' WHERE status = 'planned' AND plan_id IN (SELECT DISTINCT plan_id FROM plan_action ORDER BY plan_id LIMIT 2)`);
  expect(await disagreements()).toEqual([]);
  // An upsert as the projection writes it: one new row, one existing row given a new date.
  await db.query(
    `INSERT INTO plan_action (plan_id, organisation_id, action_id, what, status, due_date)
     VALUES ($1, $2, 'upserted', 'Ny', 'planned', current_date + 5), ($1, $2, $3, 'Samma', 'planned', current_date + 6)
     ON CONFLICT (plan_id, organisation_id, action_id) DO UPDATE SET due_date = EXCLUDED.due_date, status = EXCLUDED.status`,
    key,
  );
  expect(await disagreements()).toEqual([]);
  expect(await summary()).toContain('upserted');
  // Emptied wholesale (statement triggers do not see a TRUNCATE; its own trigger does).
  await db.query('BEGIN');
  try {
    await db.query('TRUNCATE plan_action CASCADE');
    expect(await disagreements()).toEqual([]);
    expect((await db.query(`SELECT count(*)::int AS n FROM plan WHERE open_actions <> '{}'`)).rows[0].n).toBe(0);
  } finally {
    await db.query('ROLLBACK');
  }
  await db.query(`DELETE FROM plan_action WHERE plan_id = $1`, [a.plan_id]);
  expect(await disagreements()).toEqual([]);
  expect(await summary()).toBe('{}');
});

it('keeps both when two transactions write one plan’s actions at once', async () => {
  const a = await planWithActions();
  const first = await db.connect();
  const second = await db.connect();
  try {
    await first.query('BEGIN');
    await first.query(`INSERT INTO plan_action (plan_id, organisation_id, action_id, what, status, due_date) VALUES ($1, $2, 'first', 'A', 'planned', current_date + 1)`, [a.plan_id, a.organisation_id]);
    // The second writer takes its turn after the first (it waits on the plan row) and reads its row.
    const { waited, done } = await runBeside(first, second, `INSERT INTO plan_action (plan_id, organisation_id, action_id, what, status, due_date) VALUES ($1, $2, 'second', 'B', 'planned', current_date + 2)`, [a.plan_id, a.organisation_id]);
    expect(waited).toBe(true);
    await first.query('COMMIT');
    await done;
    expect(await disagreements()).toEqual([]);
    const { rows } = await db.query(`SELECT open_actions::text AS s FROM plan WHERE id = $1`, [a.plan_id]);
    expect(rows[0].s).toContain('first');
    expect(rows[0].s).toContain('second');
  } finally {
    await first.end();
    await second.end();
  }
});

it('would notice a stale summary', async () => {
  const a = await planWithActions();
  await db.query(`ALTER TABLE plan_action DISABLE TRIGGER USER`);
  try {
    await db.query(`UPDATE plan_action SET status = 'done' WHERE plan_id = $1 AND organisation_id = $2 AND action_id = $3`, [a.plan_id, a.organisation_id, a.action_id]);
    expect((await disagreements()).length).toBeGreaterThan(0);
  } finally {
    await db.query(`ALTER TABLE plan_action ENABLE TRIGGER USER`);
  }
});
