import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics for managers (docs/architecture.md, *Statistics*): each manager's scope, the
 * facts the indicators need that were not kept before (when the person's own goals and the
 * child's view were first recorded; every follow-up date a plan has had), and the monthly
 * aggregate the dashboard reads, rebuilt on a schedule.
 */
export class Statistics1764800000000 implements MigrationInterface {
  name = 'Statistics1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // NULL: 'units' — the narrowest, for a manager nobody has said otherwise about.
    await q.query(`ALTER TABLE account ADD COLUMN statistics_scope text CHECK (statistics_scope IN ('units', 'organisation', 'county'))`);

    // That something was recorded, and when — never what. Written by the projection (the
    // person's part, the child's section) and by the trigger below (the child's view recorded
    // on the plan page). The first time counts: what was recorded by a meeting stays so.
    await q.query(`
      CREATE TABLE plan_content_fact (
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        fact text NOT NULL CHECK (fact IN ('person_goals', 'child_view')),
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (plan_id, fact)
      )`);
    await q.query(`
      CREATE FUNCTION plan_child_view_fact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(NEW.child_view, '') <> '' THEN
          INSERT INTO plan_content_fact (plan_id, fact, recorded_at) VALUES (NEW.id, 'child_view', coalesce(NEW.updated_at, now()))
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER plan_child_view_fact AFTER INSERT OR UPDATE OF child_view ON plan FOR EACH ROW EXECUTE FUNCTION plan_child_view_fact()`);
    await q.query(`INSERT INTO plan_content_fact (plan_id, fact, recorded_at) SELECT id, 'child_view', updated_at FROM plan WHERE coalesce(child_view, '') <> ''`);

    // Every follow-up date a plan has had, whoever set it (preparation, a follow-up meeting's
    // review, the seed): plan.follow_up_date only holds the latest.
    await q.query(`
      CREATE TABLE plan_follow_up_date (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        due_date date NOT NULL,
        set_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX plan_follow_up_date_plan_idx ON plan_follow_up_date (plan_id, set_at)`);
    await q.query(`
      CREATE FUNCTION plan_follow_up_date_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.follow_up_date IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.follow_up_date IS DISTINCT FROM OLD.follow_up_date) THEN
          INSERT INTO plan_follow_up_date (plan_id, due_date, set_at) VALUES (NEW.id, NEW.follow_up_date, coalesce(NEW.updated_at, now()));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER plan_follow_up_date_history AFTER INSERT OR UPDATE OF follow_up_date ON plan FOR EACH ROW EXECUTE FUNCTION plan_follow_up_date_history()`);
    await q.query(`
      INSERT INTO plan_follow_up_date (plan_id, due_date, set_at)
      SELECT plan_id, next_follow_up_date, coalesce((held_on::timestamp AT TIME ZONE 'Europe/Stockholm'), created_at) FROM meeting WHERE next_follow_up_date IS NOT NULL
      UNION ALL
      SELECT id, follow_up_date, updated_at FROM plan p WHERE follow_up_date IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.plan_id = p.id AND m.next_follow_up_date = p.follow_up_date)`);

    // The monthly aggregate: one row per indicator, month, view (o:<organisation> or
    // c:<county>) and group; for medians also per value (a histogram). Rebuilt whole by the
    // statistics-refresh job; readers see the previous build until the new one commits.
    await q.query(`
      CREATE TABLE stat_cube (
        view text NOT NULL,
        indicator text NOT NULL,
        month date NOT NULL,
        organisation_id uuid,
        unit_id uuid,
        county_code text,
        sex text NOT NULL,
        age_band text NOT NULL,
        trigger text NOT NULL,
        category text,
        value integer,
        n integer NOT NULL,
        num integer NOT NULL,
        -- false: the same sums without unit and organisation, for the requests that do not
        -- break down by them (most): several times fewer rows to add up.
        detail boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX stat_cube_view_idx ON stat_cube (view, detail, month, indicator)`);
    await q.query(`
      CREATE TABLE stat_refresh (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        refreshed_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        cube_rows integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stat_refresh`);
    await q.query(`DROP TABLE stat_cube`);
    await q.query(`DROP TRIGGER plan_follow_up_date_history ON plan`);
    await q.query(`DROP FUNCTION plan_follow_up_date_history`);
    await q.query(`DROP TABLE plan_follow_up_date`);
    await q.query(`DROP TRIGGER plan_child_view_fact ON plan`);
    await q.query(`DROP FUNCTION plan_child_view_fact`);
    await q.query(`DROP TABLE plan_content_fact`);
    await q.query(`ALTER TABLE account DROP COLUMN statistics_scope`);
  }
}
