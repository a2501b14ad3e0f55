import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the consent-expiry job announced that a consent's period was over. A consent ends
 * by its date whether or not the job has run; the column only makes the announcement (the
 * re-check of open sockets, the audit row) happen once, on one instance.
 */
export class ConsentEnd1764500000000 implements MigrationInterface {
  name = 'ConsentEnd1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent ADD COLUMN ended_at timestamptz`);
    await q.query(`CREATE INDEX consent_to_end_idx ON consent (valid_to) WHERE ended_at IS NULL AND withdrawn_at IS NULL AND valid_to IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent DROP COLUMN ended_at`);
  }
}
