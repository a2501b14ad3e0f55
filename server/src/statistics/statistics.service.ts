import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AGE_BANDS,
  AGE_BANDS_FINE,
  type Breakdown,
  COUNTY_CODES,
  SEXES,
  STATISTICS_TRIGGERS,
  type StatisticsQuery,
  type StatisticsResult,
  type StatisticsViews,
  trendMonths,
} from '@sip/shared';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { auditRole } from '../auth/actor';
import { notFound } from '../common/problem.exception';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type ResolvedView, StatisticsScopeService } from './statistics-scope.service';
import { type CubeRow, buildIndicatorTables } from './statistics-tables';

/** How each breakdown reads from stat_cube. */
const DIMENSION_SQL: Record<Breakdown, string> = {
  sex: 'sex',
  age: `CASE WHEN age_band IN ('0-6', '7-17') THEN '0-17' WHEN age_band IN ('18-29', '30-64') THEN '18-64' ELSE '65+' END`,
  ageFine: 'age_band',
  trigger: 'trigger',
  unit: 'unit_id::text',
  organisation: 'organisation_id::text',
  county: `coalesce(county_code, '')`,
};
/**
 * The coarsest grain of stat_cube that still has the request's groups: without a unit or
 * organisation to tell apart, the rows summed over them ('groups'); with them but without
 * sex, age band or trigger, the rows summed over those ('units' — a comparison of units
 * county-wide adds up tens of times fewer rows); else every group ('full').
 */
export function cubeGrain(breakdown: readonly Breakdown[], unitFilter: boolean): 'full' | 'groups' | 'units' {
  const units = unitFilter || breakdown.some((b) => b === 'unit' || b === 'organisation');
  if (!units) return 'groups';
  return breakdown.some((b) => b === 'sex' || b === 'age' || b === 'ageFine' || b === 'trigger') ? 'full' : 'units';
}

const FIXED_GROUPS: Partial<Record<Breakdown, readonly string[]>> = { sex: SEXES, age: AGE_BANDS, ageFine: AGE_BANDS_FINE, trigger: STATISTICS_TRIGGERS };

/**
 * The dashboard's figures: the view the policy allows, the aggregate for its months, every
 * indicator as tables with small numbers suppressed, and an audit row with the filter. Never a
 * plan, a person or a name other than organisations' and units'.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: StatisticsScopeService,
    private readonly audit: AuditService,
  ) {}

  async views(actor: Actor): Promise<StatisticsViews> {
    const { level, views } = await this.scope.views(actor);
    return {
      level,
      views: views.map((v) => ({ key: v.key, kind: v.view.kind, name: v.name, units: v.units })),
      threshold: this.config.statistics.minCount,
      refreshedAt: await this.refreshedAt(),
    };
  }

  /**
   * `timing`, when given, is filled with where the time went (ms): `sql` — the views and the
   * aggregate's rows; `tables` — building every indicator's tables and suppressing them;
   * `rest` — names, the audit row. The controller sends it as Server-Timing.
   */
  async read(actor: Actor, query: StatisticsQuery, format: 'json' | 'csv', timing?: Record<string, number>): Promise<StatisticsResult> {
    const started = performance.now();
    const { views } = await this.scope.views(actor);
    const view = query.view ? views.find((v) => v.key === query.view) : views[0];
    // A view the manager may not open is answered like one that does not exist.
    if (!view) throw notFound();
    const months = trendMonths(query.from, query.to);
    const [d1, d2] = [query.breakdown[0], query.breakdown[1]];
    const params: unknown[] = [view.key, `${months[0]}-01`, `${query.to}-01`, cubeGrain(query.breakdown, !!view.unitFilter)];
    if (view.unitFilter) params.push(view.unitFilter);
    const rows: CubeRow[] = await this.dataSource.query(
      `SELECT indicator, to_char(month, 'YYYY-MM') AS month, ${d1 ? DIMENSION_SQL[d1] : `''`} AS d1, ${d2 ? DIMENSION_SQL[d2] : `''`} AS d2,
              category, value, sum(n)::int AS n, sum(num)::int AS num
         FROM stat_cube
        WHERE view = $1 AND grain = $4 AND month <= $3::date AND (month >= $2::date OR indicator = 'active_plans')
              ${view.unitFilter ? 'AND unit_id = ANY($5::uuid[])' : ''}
        GROUP BY 1, 2, 3, 4, 5, 6`,
      params,
    );
    const sqlDone = performance.now();
    const names = await this.names(view, rows);
    const groups = (dim: Breakdown | undefined, pick: (r: CubeRow) => string) => {
      if (!dim) return [];
      const fixed = FIXED_GROUPS[dim];
      if (fixed) return [...fixed];
      const preset = dim === 'unit' ? view.units.map((u) => u.id) : dim === 'organisation' && view.view.kind === 'organisation' ? [view.view.organisationId] : [];
      const present = rows.map(pick);
      return [...new Set([...preset, ...present])].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'sv'));
    };
    const rowKeys = groups(d1, (r) => r.d1);
    const colKeys = groups(d2, (r) => r.d2);
    const principals = [...new Set(rows.filter((r) => r.indicator === 'actions_done_on_time' && r.category).map((r) => r.category!))].sort((a, b) =>
      (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'sv'),
    );
    const ageDim = (d: Breakdown | undefined) => (d === 'age' || d === 'ageFine' ? d : null);
    const tablesStarted = performance.now();
    const indicators = buildIndicatorTables(rows, {
      from: query.from,
      to: query.to,
      trendMonths: months,
      rowKeys,
      colKeys,
      ageDims: { row: ageDim(d1), col: ageDim(d2) },
      principals,
      threshold: this.config.statistics.minCount,
    });
    const tablesDone = performance.now();
    for (const i of indicators) for (const c of i.categories) c.label = names.get(c.key) ?? null;

    await this.audit.append({
      actorId: actor.accountId,
      actorRole: auditRole(actor),
      action: 'statistics.read',
      targetType: 'statistics_view',
      targetId: view.key,
      details: { view: view.key, period: query.period, from: query.from, to: query.to, breakdown: query.breakdown, format },
    });
    const label = (k: string) => ({ key: k, label: names.get(k) ?? null });
    const refreshedAt = await this.refreshedAt();
    if (timing) {
      timing.sql = sqlDone - started;
      timing.tables = tablesDone - tablesStarted;
      timing.rest = performance.now() - started - timing.sql - timing.tables;
    }
    return {
      view: { key: view.key, kind: view.view.kind, name: view.name, units: view.units },
      period: query.period,
      from: query.from,
      to: query.to,
      breakdown: query.breakdown,
      rowGroups: rowKeys.map(label),
      columnGroups: colKeys.map(label),
      threshold: this.config.statistics.minCount,
      refreshedAt,
      indicators,
    };
  }

  /** Names of the units, organisations and counties that appear: the only names statistics carry. */
  private async names(view: ResolvedView, rows: CubeRow[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const r of rows) for (const k of [r.d1, r.d2, r.category]) if (k && /^[0-9a-f-]{36}$/.test(k)) ids.add(k);
    for (const u of view.units) ids.add(u.id);
    const found: { id: string; name: string }[] = ids.size
      ? await this.dataSource.query(`SELECT id::text, name FROM organisation WHERE id = ANY($1::uuid[]) UNION ALL SELECT id::text, name FROM unit WHERE id = ANY($1::uuid[])`, [[...ids]])
      : [];
    const names = new Map(found.map((f) => [f.id, f.name]));
    for (const [code, name] of Object.entries(COUNTY_CODES)) names.set(code, name as string);
    return names;
  }

  private async refreshedAt(): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT refreshed_at FROM stat_refresh');
    return row ? new Date(row.refreshed_at).toISOString() : null;
  }
}
