import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booked follow-up meetings, by plan: "Att göra" and the follow-up reminders ask, for each
 * plan with a follow-up date near, whether one is booked. Through the index of all of a
 * plan's meetings each of those probes read the meeting rows to check kind and status; this
 * partial index answers from the index alone (jonas.ek at 100 000 plans: 1 212 probes, 6.5 →
 * 2.9 ms; the whole "Att göra" query 55 → 47 ms, median of 30).
 */
export class PlannedFollowUpIndex1765200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX meeting_planned_follow_up_idx ON meeting (plan_id) WHERE kind = 'uppfoljning' AND status = 'planned'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX meeting_planned_follow_up_idx');
  }
}
