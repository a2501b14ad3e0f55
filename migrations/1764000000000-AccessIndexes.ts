import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the SQL-scoped worklist: unanswered calls per unit, unconsented plans per unit. */
export class AccessIndexes1764000000000 implements MigrationInterface {
  name = 'AccessIndexes1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX plan_call_unanswered_idx ON plan_call (unit_id, plan_id) WHERE acknowledged_at IS NULL`);
    await q.query(`CREATE INDEX plan_unconsented_unit_idx ON plan (initiating_unit_id) WHERE state IN ('initierad', 'avslutad')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plan_unconsented_unit_idx`);
    await q.query(`DROP INDEX plan_call_unanswered_idx`);
  }
}
