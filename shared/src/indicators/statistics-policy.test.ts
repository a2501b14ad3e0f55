import { describe, expect, it } from 'vitest';
import type { SystemRole } from '../domain/directory';
import { STATISTICS_SCOPE_LEVELS, type StatisticsActorFacts, statisticsView, statisticsViews, viewKey } from './statistics-policy';

const KOMMUN_A = { organisationId: 'kommun-a', organisationKind: 'kommun', countyCode: '03' } as const;
const KOMMUN_B = { organisationId: 'kommun-b', organisationKind: 'kommun', countyCode: '04' } as const;
const REGION = { organisationId: 'region', organisationKind: 'region', countyCode: '03' } as const;
const OTHER = { organisationId: 'fk', organisationKind: 'other', countyCode: null } as const;

/** Where the actor works: each a set of units with their organisation. */
const PLACES: Record<string, StatisticsActorFacts['units']> = {
  'no units': [],
  'one kommun unit': [{ unitId: 'a-vuxen', ...KOMMUN_A }],
  'two units of one kommun': [{ unitId: 'a-vuxen', ...KOMMUN_A }, { unitId: 'a-barn', ...KOMMUN_A }],
  'region unit': [{ unitId: 'r-psyk', ...REGION }],
  'kommun and region units': [{ unitId: 'a-vuxen', ...KOMMUN_A }, { unitId: 'r-psyk', ...REGION }],
  'units in two counties': [{ unitId: 'a-vuxen', ...KOMMUN_A }, { unitId: 'b-vuxen', ...KOMMUN_B }],
  'other organisation (Försäkringskassan)': [{ unitId: 'fk-lfc', ...OTHER }],
};

const ROLES: Record<string, { actorKind: 'staff' | 'citizen'; systemRoles: SystemRole[] }> = {
  citizen: { actorKind: 'citizen', systemRoles: [] },
  practitioner: { actorKind: 'staff', systemRoles: ['practitioner'] },
  admin: { actorKind: 'staff', systemRoles: ['admin'] },
  manager: { actorKind: 'staff', systemRoles: ['manager'] },
  'manager and practitioner': { actorKind: 'staff', systemRoles: ['manager', 'practitioner'] },
  'manager and admin': { actorKind: 'staff', systemRoles: ['manager', 'admin'] },
};

const describeView = (v: ReturnType<typeof statisticsViews>[number]) =>
  v.kind === 'county' ? `county ${v.countyCode}` : `${v.organisationId}${v.unitIds ? `[${v.unitIds.join(',')}]` : '[all units]'}`;

describe('statistics policy over every role × scope level × place', () => {
  const lines: string[] = [];
  for (const role of Object.keys(ROLES))
    for (const level of [null, ...STATISTICS_SCOPE_LEVELS])
      for (const place of Object.keys(PLACES)) {
        const facts: StatisticsActorFacts = { ...ROLES[role]!, scopeLevel: level, units: PLACES[place]! };
        const views = statisticsViews(facts);
        const line = `${role} | ${level ?? 'unset'} | ${place} → ${views.length ? views.map(describeView).join('; ') : 'nothing'}`;
        lines.push(line);

        it(line, () => {
          const ownUnits = new Set(facts.units.map((u) => u.unitId));
          const ownOrganisations = new Set(facts.units.map((u) => u.organisationId));
          // Only managers see statistics.
          if (!facts.systemRoles.includes('manager') || facts.actorKind !== 'staff') expect(views).toEqual([]);
          for (const v of views) {
            if (v.kind === 'organisation') {
              // Only their own organisations…
              expect(ownOrganisations.has(v.organisationId)).toBe(true);
              // …and at the units level, only their own units of it.
              if ((level ?? 'units') === 'units') {
                expect(v.unitIds).not.toBeNull();
                for (const u of v.unitIds!) expect(ownUnits.has(u)).toBe(true);
                expect(v.unitIds!.length).toBeGreaterThan(0);
              } else {
                expect(v.unitIds).toBeNull();
              }
            } else {
              // A county only for a county manager, only their own county, never through an
              // organisation that belongs to none.
              expect(level).toBe('county');
              expect(facts.units.some((u) => u.countyCode === v.countyCode && u.organisationKind !== 'other')).toBe(true);
            }
            // Each view is found again by its key, and nothing else is.
            expect(statisticsView(facts, viewKey(v))).toEqual(v);
          }
          expect(statisticsView(facts, 'o:someone-else')).toBeNull();
          expect(statisticsView(facts, 'c:01')).toBeNull();
        });
      }

  it('matches the reviewed table (a diff here is a policy change)', async () => {
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('__snapshots__/statistics-policy-table.txt');
  });
});
