import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  COUNTY_CODES,
  type CountyCode,
  type StatisticsActorFacts,
  type StatisticsScopeLevel,
  type StatisticsView,
  statisticsViews,
  viewKey,
} from '@sip/shared';
import type { Actor } from '../auth/actor';

export interface ResolvedView {
  key: string;
  view: StatisticsView;
  name: string;
  /** The units the view covers, by name. */
  units: { id: string; name: string }[];
  /** For a unit manager: only these units' plans are counted. */
  unitFilter: string[] | null;
}

/** The statistics policy's facts from the directory, and the views it allows, with names. */
@Injectable()
export class StatisticsScopeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async facts(actor: Actor): Promise<StatisticsActorFacts> {
    const [row]: { kind: 'staff' | 'citizen'; system_roles: string[]; statistics_scope: StatisticsScopeLevel | null; units: StatisticsActorFacts['units'] }[] =
      await this.dataSource.query(
        `SELECT a.kind, a.system_roles, a.statistics_scope,
                coalesce(json_agg(json_build_object('unitId', u.id, 'organisationId', o.id, 'organisationKind', o.kind, 'countyCode', o.county_code))
                           FILTER (WHERE u.id IS NOT NULL), '[]') AS units
           FROM account a LEFT JOIN account_unit au ON au.account_id = a.id LEFT JOIN unit u ON u.id = au.unit_id
           LEFT JOIN organisation o ON o.id = u.organisation_id
          WHERE a.id = $1 AND NOT a.disabled GROUP BY a.id`,
        [actor.accountId],
      );
    if (!row) return { actorKind: 'citizen', systemRoles: [], scopeLevel: null, units: [] };
    return { actorKind: row.kind, systemRoles: row.system_roles as StatisticsActorFacts['systemRoles'], scopeLevel: row.statistics_scope, units: row.units };
  }

  async views(actor: Actor): Promise<{ level: StatisticsScopeLevel; views: ResolvedView[] }> {
    const facts = await this.facts(actor);
    const views = statisticsViews(facts);
    const organisationIds = views.flatMap((v) => (v.kind === 'organisation' ? [v.organisationId] : []));
    const counties = views.flatMap((v) => (v.kind === 'county' ? [v.countyCode] : []));
    const orgs: { id: string; name: string }[] = organisationIds.length ? await this.dataSource.query('SELECT id, name FROM organisation WHERE id = ANY($1)', [organisationIds]) : [];
    const units: { id: string; name: string; organisation_id: string; county_code: string | null }[] = await this.dataSource.query(
      `SELECT u.id, u.name, u.organisation_id, o.county_code FROM unit u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.organisation_id = ANY($1) OR o.county_code = ANY($2) ORDER BY u.name`,
      [organisationIds, counties],
    );
    return {
      level: facts.scopeLevel ?? 'units',
      views: views.map((view) => {
        if (view.kind === 'county') {
          return {
            key: viewKey(view),
            view,
            name: COUNTY_CODES[view.countyCode as CountyCode],
            units: units.filter((u) => u.county_code === view.countyCode).map(({ id, name }) => ({ id, name })),
            unitFilter: null,
          };
        }
        const own = units.filter((u) => u.organisation_id === view.organisationId && (!view.unitIds || view.unitIds.includes(u.id)));
        return {
          key: viewKey(view),
          view,
          name: orgs.find((o) => o.id === view.organisationId)?.name ?? '',
          units: own.map(({ id, name }) => ({ id, name })),
          unitFilter: view.unitIds,
        };
      }),
    };
  }
}
