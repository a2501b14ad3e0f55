import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-plan summary of the plan's open actions with a due date, on the plan row, beside the
 * consent summary and for the same reason: "Att göra" reads the plan rows the user reaches
 * anyway, and looking up each plan's actions through an index was its largest cost after the
 * reach itself (jonas.ek at 100 000 plans: 1 558 probes, 7 of 25 ms).
 *
 * open_actions: one (due date, performing unit, principal, action id) per action not removed,
 * planned or ongoing, with a due date — ordered by due date. Dates, never a flag: "late" and
 * "due soon" are decided against today by the query. The action's words stay in plan_action
 * and are read only for the rows shown.
 *
 * Kept by statement-level triggers on plan_action (the projection, the seeds, a DBA's UPDATE
 * or TRUNCATE), a bulk write refreshing each plan once; a plan row is written only when its
 * summary changes. Concurrent writers of one plan's actions take turns on the plan row.
 * test/integration/open-action-summary.test.ts compares it with the action rows.
 */
export class OpenActionSummary1765300000000 implements MigrationInterface {
  name = 'OpenActionSummary1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE open_action AS (due_date date, performing_unit_id text, organisation_id uuid, action_id text)`);
    await q.query(`ALTER TABLE plan ADD COLUMN open_actions open_action[] NOT NULL DEFAULT '{}'`);
    // The plans are locked first, in one order, and the summary computed in a statement of its
    // own after that: two writers of one plan's actions then take turns, and the second reads
    // the first's rows (computed in the same statement as the lock, it would lose them).
    await q.query(`
      CREATE FUNCTION plan_open_action_summary_refresh(plan_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM plan WHERE id = ANY(plan_ids) ORDER BY id FOR NO KEY UPDATE;
        UPDATE plan p SET open_actions = s.actions
          FROM (SELECT ids.id,
                       coalesce(array_agg(ROW(a.due_date, a.performing_unit_id, a.organisation_id, a.action_id)::open_action
                                          ORDER BY a.due_date, a.organisation_id, a.action_id) FILTER (WHERE a.action_id IS NOT NULL), '{}') AS actions
                  FROM (SELECT DISTINCT unnest(plan_ids) AS id) ids
                  LEFT JOIN plan_action a ON a.plan_id = ids.id AND a.removed_at IS NULL
                        AND a.status IN ('planned', 'ongoing') AND a.due_date IS NOT NULL
                 GROUP BY ids.id) s
         WHERE p.id = s.id AND p.open_actions IS DISTINCT FROM s.actions;
      END $$`);
    await q.query(`
      CREATE FUNCTION plan_open_action_summary_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM plan_open_action_summary_refresh(ARRAY(SELECT plan_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM plan_open_action_summary_refresh(ARRAY(SELECT plan_id FROM new_rows UNION SELECT plan_id FROM old_rows));
        ELSE
          PERFORM plan_open_action_summary_refresh(ARRAY(SELECT plan_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER open_action_summary_insert AFTER INSERT ON plan_action REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION plan_open_action_summary_trigger()`);
    await q.query(`CREATE TRIGGER open_action_summary_update AFTER UPDATE ON plan_action REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION plan_open_action_summary_trigger()`);
    await q.query(`CREATE TRIGGER open_action_summary_delete AFTER DELETE ON plan_action REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION plan_open_action_summary_trigger()`);
    // Statement triggers do not see a TRUNCATE: it empties every summary itself.
    await q.query(`
      CREATE FUNCTION plan_open_action_summary_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE plan SET open_actions = '{}' WHERE open_actions <> '{}';
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER open_action_summary_truncate AFTER TRUNCATE ON plan_action FOR EACH STATEMENT EXECUTE FUNCTION plan_open_action_summary_truncated()`);
    await q.query(`SELECT plan_open_action_summary_refresh(ARRAY(SELECT DISTINCT plan_id FROM plan_action))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER open_action_summary_truncate ON plan_action`);
    await q.query(`DROP FUNCTION plan_open_action_summary_truncated()`);
    await q.query(`DROP TRIGGER open_action_summary_delete ON plan_action`);
    await q.query(`DROP TRIGGER open_action_summary_update ON plan_action`);
    await q.query(`DROP TRIGGER open_action_summary_insert ON plan_action`);
    await q.query(`DROP FUNCTION plan_open_action_summary_trigger()`);
    await q.query(`DROP FUNCTION plan_open_action_summary_refresh(uuid[])`);
    await q.query(`ALTER TABLE plan DROP COLUMN open_actions`);
    await q.query(`DROP TYPE open_action`);
  }
}
