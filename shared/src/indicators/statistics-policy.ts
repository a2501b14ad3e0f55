import type { CountyCode, OrganisationKind, SystemRole } from '../domain/directory';

/**
 * Who sees which statistics. Pure and table-driven like the plan policy: the server reads the
 * facts (the account's roles, units and statistics scope) and applies the answer in SQL; the
 * client reads the same answer to offer only what the user may choose.
 *
 * - Only managers. Practitioners work in plans, citizens have their own plan, and admins run
 *   the directory: none of them follows the work through statistics (an admin who leads the
 *   work is given the manager role too).
 * - A view is always the plans of one organisation — those in which it takes part: it
 *   initiated the plan, was called to it, or its staff took part — or, for a county
 *   manager, every plan initiated in the county. Within an organisation each plan is counted
 *   under one unit (the initiating unit, or the unit first called, or the first of its staff
 *   to take part), so units add up to the organisation.
 * - `units` (the default; an enhetschef): the plans counted under the manager's own units.
 *   `organisation` (a verksamhetschef, a kommun's or region's management): every plan the
 *   organisation takes part in, with all its units to compare. `county` (a county-wide
 *   follow-up role): as `organisation`, and every plan initiated in the county, by
 *   organisation and unit.
 * - Other organisations (e.g. Försäkringskassan) are not principals, but they take part in
 *   plans: their managers see the plans their organisation takes part in, like anyone else —
 *   never a county view, as they belong to none.
 * - Statistics never reach plan content, names or personnummer, and never list plans.
 */

export const STATISTICS_SCOPE_LEVELS = ['units', 'organisation', 'county'] as const;
export type StatisticsScopeLevel = (typeof STATISTICS_SCOPE_LEVELS)[number];

export interface StatisticsActorFacts {
  actorKind: 'staff' | 'citizen';
  systemRoles: readonly SystemRole[];
  /** The manager's statistics scope; null (not set) counts as 'units'. */
  scopeLevel: StatisticsScopeLevel | null;
  units: readonly { unitId: string; organisationId: string; organisationKind: OrganisationKind; countyCode: CountyCode | null }[];
}

/** One view the actor may open: an organisation (optionally only some of its units), or a county. */
export type StatisticsView =
  | { kind: 'organisation'; organisationId: string; /** null: every unit of the organisation. */ unitIds: string[] | null }
  | { kind: 'county'; countyCode: CountyCode };

/** The key a view travels under in URLs and SQL: `o:<organisationId>` or `c:<countyCode>`. */
export const viewKey = (v: StatisticsView): string => (v.kind === 'organisation' ? `o:${v.organisationId}` : `c:${v.countyCode}`);

export function statisticsViews(f: StatisticsActorFacts): StatisticsView[] {
  if (f.actorKind !== 'staff' || !f.systemRoles.includes('manager')) return [];
  const level = f.scopeLevel ?? 'units';
  const organisations = [...new Set(f.units.map((u) => u.organisationId))].sort();
  const views: StatisticsView[] = organisations.map((organisationId) => ({
    kind: 'organisation' as const,
    organisationId,
    unitIds: level === 'units' ? f.units.filter((u) => u.organisationId === organisationId).map((u) => u.unitId).sort() : null,
  }));
  if (level === 'county') {
    const counties = new Set(f.units.filter((u) => u.organisationKind !== 'other' && u.countyCode).map((u) => u.countyCode!));
    for (const countyCode of [...counties].sort()) views.push({ kind: 'county', countyCode });
  }
  return views;
}

/** The view with this key, if the actor may open it. */
export function statisticsView(f: StatisticsActorFacts, key: string): StatisticsView | null {
  return statisticsViews(f).find((v) => viewKey(v) === key) ?? null;
}
