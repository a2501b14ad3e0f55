import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-edited plan content: an append log of Yjs updates per document and a compacted
 * snapshot. `doc_update.id` is the sequence: increasing, shared by all documents, so a
 * snapshot records the last id it contains and compaction can never go backwards.
 */
export class Collaboration1764100000000 implements MigrationInterface {
  name = 'Collaboration1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE doc_update (
        id bigserial PRIMARY KEY,
        doc_name text NOT NULL,
        data bytea NOT NULL,
        actor_id uuid REFERENCES account(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX doc_update_doc_idx ON doc_update (doc_name, id)`);
    await q.query(`
      CREATE TABLE doc_snapshot (
        doc_name text PRIMARY KEY,
        last_update_id bigint NOT NULL,
        data bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE doc_snapshot`);
    await q.query(`DROP TABLE doc_update`);
  }
}
