import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for "Att göra" and the reminder scan at county scale (docs/benchmarks.md: 100 000
 * plans, ~1 000 000 actions):
 * - open actions by plan and due date: "Att göra" reads, for each plan the user reaches, only
 *   the open actions due soon or late (before, every action of the plan, ~10 rows, from the
 *   primary key);
 * - open actions by due date, covering what the reminder rules read (plan, organisation,
 *   action, performer), so that a rule's window is read from the index alone. It replaces the
 *   plain due-date index of FollowUp;
 * - participants by plan, removed ones included: a plan's principals are every organisation that
 *   has taken part (sectionFactsSql, read on every plan page and section join), and with only
 *   the partial index (present participants) that read was a scan of the whole table — 35 ms a
 *   plan page at 100 000 plans, found by the same benchmark. The full index replaces the partial.
 */
export class FollowUpIndexes1764650000000 implements MigrationInterface {
  name = 'FollowUpIndexes1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX plan_action_open_plan_idx ON plan_action (plan_id, due_date) WHERE status IN ('planned','ongoing') AND removed_at IS NULL`);
    await q.query(`CREATE INDEX plan_action_open_due_cover_idx ON plan_action (due_date) INCLUDE (plan_id, organisation_id, action_id, performer)
                    WHERE status IN ('planned','ongoing') AND removed_at IS NULL`);
    await q.query(`DROP INDEX plan_action_open_due_idx`);
    await q.query(`CREATE INDEX plan_participant_plan_all_idx ON plan_participant (plan_id)`);
    await q.query(`DROP INDEX plan_participant_plan_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX plan_participant_plan_idx ON plan_participant (plan_id) WHERE removed_at IS NULL`);
    await q.query(`DROP INDEX plan_participant_plan_all_idx`);
    await q.query(`CREATE INDEX plan_action_open_due_idx ON plan_action (due_date) WHERE status IN ('planned','ongoing') AND removed_at IS NULL`);
    await q.query(`DROP INDEX plan_action_open_due_cover_idx`);
    await q.query(`DROP INDEX plan_action_open_plan_idx`);
  }
}
