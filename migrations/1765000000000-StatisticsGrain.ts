import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly aggregate at three grains instead of two: `full` (every group — unit,
 * organisation, sex, age band, trigger), `groups` (the same sums without unit and
 * organisation: the old `detail = false`) and `units` (without sex, age band and trigger: a
 * comparison of units or organisations). A request reads the coarsest grain that still has
 * its breakdowns: comparing units county-wide adds up tens of times fewer rows.
 * The table is rebuilt whole by the statistics-refresh job (and at start), so its rows are
 * dropped here rather than converted.
 */
export class StatisticsGrain1765000000000 implements MigrationInterface {
  name = 'StatisticsGrain1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM stat_cube`);
    await q.query(`DROP INDEX stat_cube_view_idx`);
    await q.query(`ALTER TABLE stat_cube DROP COLUMN detail, ADD COLUMN grain text NOT NULL CHECK (grain IN ('full', 'groups', 'units'))`);
    await q.query(`CREATE INDEX stat_cube_view_idx ON stat_cube (view, grain, month, indicator)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM stat_cube`);
    await q.query(`DROP INDEX stat_cube_view_idx`);
    await q.query(`ALTER TABLE stat_cube DROP COLUMN grain, ADD COLUMN detail boolean NOT NULL`);
    await q.query(`CREATE INDEX stat_cube_view_idx ON stat_cube (view, detail, month, indicator)`);
  }
}
