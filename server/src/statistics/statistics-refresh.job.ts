import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AVAILABLE_INDICATOR_IDS } from '@sip/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../jobs/clock';
import { JobsService } from '../jobs/jobs.service';
import { INDICATOR_FACTS, ageBandSql } from './indicator-facts.sql';

export const STATISTICS_REFRESH_JOB = 'statistics-refresh';
// Any constant: two rebuilds never run at once (the job queue already sends each slot once).
const REFRESH_LOCK_KEY = 7_202_612;

/**
 * Rebuilds the monthly aggregate (stat_cube) from the facts, whole, in one transaction:
 * readers keep seeing the previous build until it commits. On a schedule
 * (STATISTICS_REFRESH_CRON, every ten minutes by default) and when the server starts.
 *
 * Why an aggregate and not the facts on every request: the dashboard asks for all indicators
 * over a year, by two breakdowns and with a trend; for an organisation that takes part in most
 * plans of a county that is a join over hundreds of thousands of cases per request. Why a
 * rebuild and not incremental upkeep: several indicators depend on the day (a deadline has
 * passed, a due date has come), and a case can move between months, units and age bands when
 * a plan changes; a rebuild is simple and always right, and takes one to two minutes at 200 000 plans
 * (docs/benchmarks.md). Figures are at most one interval old; the dashboard says when.
 *
 * Each plan is counted in the view of every organisation that takes part in it (initiated it,
 * was called, or had staff in it) — under one unit of that organisation — and in the county
 * view of its initiating organisation's county.
 */
@Injectable()
export class StatisticsRefresh implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Statistics');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.jobs.define({ name: STATISTICS_REFRESH_JOB, cron: this.config.statistics.refreshCron, retryLimit: 2, handler: async () => void (await this.refresh()) });
  }

  /** A fresh start builds the aggregate at once rather than waiting for the first slot. */
  async onApplicationBootstrap() {
    await this.jobs.send(STATISTICS_REFRESH_JOB).catch((e) => this.logger.warn({ err: { message: (e as Error).message } }, 'Statistics refresh not queued'));
  }

  async refresh(): Promise<{ rows: number; ms: number }> {
    const started = Date.now();
    const now = this.clock.now();
    const today = this.clock.today();
    const rows = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK_KEY]);
      await m.query(`
        CREATE TEMP TABLE stat_plan ON COMMIT DROP AS
        SELECT p.id, pe.sex, pe.birth_date, CASE WHEN p.trigger = 'discharge' THEN 'discharge' ELSE 'ordinary' END AS trigger,
               p.initiating_organisation_id, p.initiating_unit_id, o.county_code
          FROM plan p JOIN person pe ON pe.id = p.person_id JOIN organisation o ON o.id = p.initiating_organisation_id`);
      // Who takes part, each organisation under one unit: the initiating unit, else the unit
      // called first, else the unit of its first staff to take part.
      await m.query(`
        CREATE TEMP TABLE stat_view ON COMMIT DROP AS
        SELECT DISTINCT ON (x.plan_id, x.organisation_id) x.plan_id, 'o:' || x.organisation_id AS view, x.organisation_id, x.unit_id, sp.county_code
          FROM (SELECT id AS plan_id, initiating_organisation_id AS organisation_id, initiating_unit_id AS unit_id, 0 AS rank, NULL::timestamptz AS at FROM stat_plan
                UNION ALL
                SELECT plan_id, organisation_id, unit_id, 1, sent_at FROM plan_call WHERE organisation_id IS NOT NULL AND unit_id IS NOT NULL
                UNION ALL
                SELECT plan_id, organisation_id, unit_id, 2, added_at FROM plan_participant WHERE organisation_id IS NOT NULL AND unit_id IS NOT NULL) x
          JOIN stat_plan sp ON sp.id = x.plan_id
         ORDER BY x.plan_id, x.organisation_id, x.rank, x.at`);
      await m.query(`
        INSERT INTO stat_view (plan_id, view, organisation_id, unit_id, county_code)
        SELECT id, 'c:' || county_code, initiating_organisation_id, initiating_unit_id, county_code FROM stat_plan WHERE county_code IS NOT NULL`);
      await m.query('CREATE INDEX ON stat_plan (id)');
      await m.query('CREATE INDEX ON stat_view (plan_id)');
      await m.query('ANALYZE stat_plan');
      await m.query('ANALYZE stat_view');
      await m.query('DELETE FROM stat_cube');
      for (const id of AVAILABLE_INDICATOR_IDS) {
        const facts = INDICATOR_FACTS[id];
        if (!facts) throw new Error(`Indicator ${id} is available but has no facts SQL`);
        // Every query gets the same typed parameters, whether or not its facts use them all.
        await m.query(
          `WITH params AS (SELECT $1::timestamptz, $2::date, $3::text)
           INSERT INTO stat_cube (view, indicator, month, organisation_id, unit_id, county_code, sex, age_band, trigger, category, value, n, num, grain)
           SELECT v.view, $3, date_trunc('month', f.on_date)::date, v.organisation_id, v.unit_id, v.county_code, sp.sex,
                  ${ageBandSql('f.age_on', 'sp.birth_date')}, sp.trigger, f.category, f.value, sum(f.n), sum(f.num), 'full'
             FROM (${facts}) f JOIN stat_plan sp ON sp.id = f.plan_id JOIN stat_view v ON v.plan_id = f.plan_id
            WHERE f.on_date IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
          [now, today, id],
        );
      }
      // The coarser grains (migration StatisticsGrain): without unit and organisation, and
      // without sex, age band and trigger. A request reads the coarsest that has its breakdowns.
      await m.query(`
        INSERT INTO stat_cube (view, indicator, month, organisation_id, unit_id, county_code, sex, age_band, trigger, category, value, n, num, grain)
        SELECT view, indicator, month, NULL, NULL, county_code, sex, age_band, trigger, category, value, sum(n), sum(num), 'groups'
          FROM stat_cube WHERE grain = 'full' GROUP BY view, indicator, month, county_code, sex, age_band, trigger, category, value`);
      await m.query(`
        INSERT INTO stat_cube (view, indicator, month, organisation_id, unit_id, county_code, sex, age_band, trigger, category, value, n, num, grain)
        SELECT view, indicator, month, organisation_id, unit_id, county_code, '', '', '', category, value, sum(n), sum(num), 'units'
          FROM stat_cube WHERE grain = 'full' GROUP BY view, indicator, month, organisation_id, unit_id, county_code, category, value`);
      const [{ total }] = await m.query('SELECT count(*)::int AS total FROM stat_cube');
      await m.query(
        `INSERT INTO stat_refresh (id, refreshed_at, duration_ms, cube_rows) VALUES (true, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms, cube_rows = excluded.cube_rows`,
        [now, Date.now() - started, total],
      );
      return total;
    });
    const ms = Date.now() - started;
    this.logger.log({ rows, ms }, 'Statistics refreshed');
    return { rows, ms };
  }
}
