import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rows projected from the co-edited sections (what follow-up and statistics read; never
 * Yjs bytes), the follow-up date, and immutable plan versions.
 */
export class ProjectionAndVersions1764200000000 implements MigrationInterface {
  name = 'ProjectionAndVersions1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan ADD COLUMN follow_up_date date`);
    await q.query(`
      CREATE TABLE plan_action (
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        action_id text NOT NULL,
        what text NOT NULL,
        need_id text,
        goal_id text,
        performing_unit_id text,
        responsible_person text,
        when_text text,
        frequency text,
        start_date date,
        due_date date,
        status text NOT NULL CHECK (status IN ('planned','ongoing','done','not_done')),
        not_done_reason text,
        follow_up_notes text,
        projected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, organisation_id, action_id)
      )`);
    await q.query(`CREATE INDEX plan_action_due_idx ON plan_action (due_date) WHERE status IN ('planned','ongoing')`);
    await q.query(`
      CREATE TABLE plan_need (
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        need_id text NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (plan_id, need_id)
      )`);
    await q.query(`
      CREATE TABLE plan_goal (
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        goal_id text NOT NULL,
        text text NOT NULL,
        term text NOT NULL CHECK (term IN ('long','short')),
        PRIMARY KEY (plan_id, goal_id)
      )`);
    await q.query(`
      CREATE TABLE plan_other_measure (
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        measure_id text NOT NULL,
        actor text NOT NULL,
        what text NOT NULL,
        when_text text,
        responsible text,
        PRIMARY KEY (plan_id, measure_id)
      )`);
    await q.query(`
      CREATE TABLE plan_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        version_no integer NOT NULL,
        reason text NOT NULL CHECK (reason IN ('finalised','meeting')),
        content jsonb NOT NULL,
        states jsonb NOT NULL,
        created_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_version_no_unique UNIQUE (plan_id, version_no)
      )`);
    // Versions are the plan as agreed: never changed afterwards.
    await q.query(`
      CREATE FUNCTION plan_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'plan_version is immutable'; END $$`);
    await q.query(`
      CREATE TRIGGER plan_version_no_update BEFORE UPDATE ON plan_version
      FOR EACH ROW EXECUTE FUNCTION plan_version_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_version`);
    await q.query(`DROP FUNCTION plan_version_immutable`);
    for (const t of ['plan_other_measure', 'plan_goal', 'plan_need', 'plan_action']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE plan DROP COLUMN follow_up_date`);
  }
}
