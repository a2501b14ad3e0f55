import { describe, expect, it } from 'vitest';
import { type PlanAccessFacts, planPermissions } from '../policy/plan-policy';
import { sectionAccess } from './section-access';
import type { SectionName } from './sections';

const KOMMUN = '11111111-1111-4111-8111-111111111111';
const REGION = '22222222-2222-4222-8222-222222222222';
const base: PlanAccessFacts = {
  actorKind: 'staff', systemRoles: ['practitioner'], isPerson: false, isCustodialGuardian: false, isRepresentative: false,
  isAllowedRelative: false, isStaffParticipant: false, inInitiatingUnit: false, inInitiatingOrganisation: false,
  inCalledUnit: false, organisationCoveredByConsent: true, consent: 'active', planState: 'forberedelse', childSecrecy: false,
};
const citizen = { actorKind: 'citizen' as const, systemRoles: [] };
const ACTORS: Record<string, { facts: Partial<PlanAccessFacts>; orgs: string[]; chair?: boolean }> = {
  person: { facts: { ...citizen, isPerson: true }, orgs: [] },
  guardian: { facts: { ...citizen, isCustodialGuardian: true }, orgs: [] },
  'guardian (child secrecy)': { facts: { ...citizen, isCustodialGuardian: true, childSecrecy: true }, orgs: [] },
  relative: { facts: { ...citizen, isAllowedRelative: true }, orgs: [] },
  'kommun practitioner': { facts: { isStaffParticipant: true, inInitiatingOrganisation: true }, orgs: [KOMMUN] },
  'region practitioner': { facts: { isStaffParticipant: true }, orgs: [REGION] },
  'region chair': { facts: { isStaffParticipant: true }, orgs: [REGION], chair: true },
  'called unit (not confirmed)': { facts: { inCalledUnit: true }, orgs: [] },
  manager: { facts: { systemRoles: ['manager'], isStaffParticipant: true }, orgs: [KOMMUN] },
};
const SECTIONS: SectionName[] = ['person', 'child', 'shared', 'others', `actions:${KOMMUN}`, `actions:${REGION}`];

// r = read, w = write, - = nothing; columns in SECTIONS order.
const EXPECTED: Record<string, string> = {
  person: 'rw rw r r r r',
  guardian: 'rw r r r r r',
  'guardian (child secrecy)': 'rw - r r r r',
  relative: 'r - r r r r',
  'kommun practitioner': 'r rw rw rw rw r',
  'region practitioner': 'r rw rw rw r rw',
  'region chair': 'rw rw rw rw rw rw',
  'called unit (not confirmed)': 'r - r r r r',
  manager: '- - - - - -',
};

describe('section audiences', () => {
  for (const [name, actor] of Object.entries(ACTORS)) {
    it(name, () => {
      const permissions = planPermissions({ ...base, ...actor.facts });
      const got = SECTIONS.map((section) => {
        const a = sectionAccess({ permissions, organisationIds: actor.orgs, isChairOrCoordinator: actor.chair ?? false }, section);
        return a.write ? 'rw' : a.read ? 'r' : '-';
      }).join(' ');
      expect(got).toBe(EXPECTED[name]);
    });
  }

  it('makes every section read-only once the plan is closed', () => {
    for (const actor of Object.values(ACTORS)) {
      const permissions = planPermissions({ ...base, ...actor.facts, planState: 'avslutad' });
      for (const section of SECTIONS) {
        expect(sectionAccess({ permissions, organisationIds: actor.orgs, isChairOrCoordinator: actor.chair ?? false }, section).write).toBe(false);
      }
    }
  });
});
