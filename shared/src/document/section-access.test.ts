import { describe, expect, it } from 'vitest';
import { type PlanAccessFacts, planPermissions } from '../policy/plan-policy';
import type { SectionPlanFacts } from './section-access';
import { type SectionName, documentName, parseDocumentName } from './section-names';
import { sectionAccess, sectionsOfPlan } from './section-registry';

const KOMMUN = '1111aaaa-1111-4111-8111-111111111111';
const REGION = '22222222-2222-4222-8222-222222222222';
const PLAN = '3a3b3c3d-3333-4333-8333-33333333abcd';
const base: PlanAccessFacts = {
  actorKind: 'staff', systemRoles: ['practitioner'], isPerson: false, isCustodialGuardian: false, isRepresentative: false,
  isAllowedRelative: false, isStaffParticipant: false, inInitiatingUnit: false, inInitiatingOrganisation: false,
  inCalledUnit: false, organisationCoveredByConsent: true, consent: 'active', planState: 'forberedelse', childSecrecy: false, isChairOrCoordinator: false, inLeadOrganisation: false,
};
const childPlan: SectionPlanFacts = { isChild: true, principalOrganisationIds: [KOMMUN, REGION], closed: false };
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
  'region practitioner, consent withdrawn': { facts: { isStaffParticipant: true, consent: 'withdrawn' }, orgs: [REGION] },
  'kommun practitioner, consent ended': { facts: { isStaffParticipant: true, inInitiatingOrganisation: true, consent: 'expired' }, orgs: [KOMMUN] },
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
  // Before confirming the call, none of the plan's content (the REST view agrees).
  'called unit (not confirmed)': '- - - - - -',
  // No consent in force: each principal reads only its own actions, read-only.
  'region practitioner, consent withdrawn': '- - - - - r',
  'kommun practitioner, consent ended': '- - - - r -',
  manager: '- - - - - -',
};

const access = (name: string, section: SectionName, plan = childPlan) => {
  const actor = ACTORS[name]!;
  return sectionAccess({ permissions: planPermissions({ ...base, ...actor.facts }), organisationIds: actor.orgs, isChairOrCoordinator: actor.chair ?? false, plan }, section);
};

describe('section audiences', () => {
  for (const name of Object.keys(ACTORS)) {
    it(name, () => {
      const got = SECTIONS.map((section) => {
        const a = access(name, section);
        return a.write ? 'rw' : a.read ? 'r' : '-';
      }).join(' ');
      expect(got).toBe(EXPECTED[name]);
    });
  }

  it('makes every section read-only once the plan is closed', () => {
    for (const [name, actor] of Object.entries(ACTORS)) {
      const permissions = planPermissions({ ...base, ...actor.facts, planState: 'avslutad' });
      for (const section of SECTIONS) {
        const a = sectionAccess({ permissions, organisationIds: actor.orgs, isChairOrCoordinator: actor.chair ?? false, plan: { ...childPlan, closed: true } }, section);
        expect(a.write, `${name} ${section}`).toBe(false);
      }
    }
  });

  it('gives no section that the plan does not have — an adult’s child section, an unknown principal’s actions', () => {
    const adultPlan = { ...childPlan, isChild: false };
    const stranger = `actions:${'44444444-4444-4444-8444-444444444444'}` as SectionName;
    for (const name of Object.keys(ACTORS)) {
      expect(access(name, 'child', adultPlan)).toEqual({ exists: false, read: false, write: false });
      expect(access(name, stranger)).toEqual({ exists: false, read: false, write: false });
    }
    expect(sectionsOfPlan(adultPlan)).toEqual(['person', 'shared', `actions:${KOMMUN}`, `actions:${REGION}`, 'others']);
    expect(sectionsOfPlan(childPlan)).toEqual(['person', 'child', 'shared', `actions:${KOMMUN}`, `actions:${REGION}`, 'others']);
  });
});

describe('document names', () => {
  it('accepts exactly one spelling of each document', () => {
    expect(parseDocumentName(documentName(PLAN, 'shared'))).toEqual({ planId: PLAN, section: 'shared' });
    expect(parseDocumentName(documentName(PLAN, `actions:${KOMMUN}`))).toEqual({ planId: PLAN, section: `actions:${KOMMUN}` });
    for (const other of [
      `plan:${PLAN.toUpperCase()}:shared`,
      `PLAN:${PLAN}:shared`,
      `plan:${PLAN}:Shared`,
      `plan:${PLAN}:actions:${KOMMUN.toUpperCase()}`,
      `plan:${PLAN}:actions:not-a-uuid`,
      `plan:${PLAN}:actions:`,
      `plan:${PLAN}:shared `,
      ` plan:${PLAN}:shared`,
      `plan:${PLAN}:shared\n`,
      `plan:${PLAN}:notes`,
      `plan:${PLAN}`,
      `plan:{${PLAN}}:shared`,
    ]) {
      expect(parseDocumentName(other), other).toBeNull();
    }
  });
});
