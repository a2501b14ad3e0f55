import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A comment thread per plan section. Relatives and everyone else who may read a section
 * comment on it; the text is co-edited elsewhere. A comment is never edited; its author may
 * remove it, which keeps the row (who and when) and drops the words.
 */
export class Comments1764400000000 implements MigrationInterface {
  name = 'Comments1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        section text NOT NULL,
        author_id uuid NOT NULL REFERENCES account(id),
        body text CHECK (char_length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        CHECK ((removed_at IS NULL) = (body IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX plan_comment_thread_idx ON plan_comment (plan_id, section, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_comment`);
  }
}
