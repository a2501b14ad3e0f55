import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The administrator browses the audit log by plan, actor, action and time, newest first.
 * Plans had an index (plan_id, seq); the others would otherwise read the whole log from
 * its newest row back until a page is full — for a rare actor or action, all of it.
 */
export class AdminSettings1764900000000 implements MigrationInterface {
  name = 'AdminSettings1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq) WHERE actor_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, seq)`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_at_idx`);
    await q.query(`DROP INDEX audit_event_action_idx`);
    await q.query(`DROP INDEX audit_event_actor_idx`);
  }
}
