import { describe, expect, it } from 'vitest';
import { PLAN_STATES } from '../plans/plan-lifecycle';
import { CONSENT_STATES, type PlanAccessFacts, VIEWER_RULES, planPermissions } from './plan-policy';

const base: PlanAccessFacts = {
  actorKind: 'staff',
  systemRoles: ['practitioner'],
  isPerson: false,
  isCustodialGuardian: false,
  isRepresentative: false,
  isAllowedRelative: false,
  isStaffParticipant: false,
  inInitiatingUnit: false,
  inInitiatingOrganisation: false,
  inCalledUnit: false,
  organisationCoveredByConsent: false,
  consent: 'none',
  planState: 'initierad',
  childSecrecy: false,
  isChairOrCoordinator: false,
  inLeadOrganisation: false,
};

/** The actors of the table: each is a set of facts about one person's relation to a plan. */
const ACTORS: Record<string, Partial<PlanAccessFacts>> = {
  person: { actorKind: 'citizen', systemRoles: [], isPerson: true },
  guardian: { actorKind: 'citizen', systemRoles: [], isCustodialGuardian: true },
  'guardian, child secrecy': { actorKind: 'citizen', systemRoles: [], isCustodialGuardian: true, childSecrecy: true },
  'allowed relative': { actorKind: 'citizen', systemRoles: [], isAllowedRelative: true },
  'stranger citizen': { actorKind: 'citizen', systemRoles: [] },
  'participant, initiating org': { isStaffParticipant: true, inInitiatingUnit: true, inInitiatingOrganisation: true, organisationCoveredByConsent: true },
  'participant, other org covered': { isStaffParticipant: true, organisationCoveredByConsent: true },
  'participant, other org not covered': { isStaffParticipant: true },
  'initiating unit, not participant': { inInitiatingUnit: true, inInitiatingOrganisation: true, organisationCoveredByConsent: true },
  'same org, other unit': { inInitiatingOrganisation: true, organisationCoveredByConsent: true },
  'called unit, covered': { inCalledUnit: true, organisationCoveredByConsent: true },
  'called unit, also participant': { inCalledUnit: true, isStaffParticipant: true, organisationCoveredByConsent: true },
  'participant, other org, chair': { isStaffParticipant: true, organisationCoveredByConsent: true, isChairOrCoordinator: true },
  'participant, other org, lead principal': { isStaffParticipant: true, organisationCoveredByConsent: true, inLeadOrganisation: true },
  'manager in initiating unit': { systemRoles: ['manager'], inInitiatingUnit: true, inInitiatingOrganisation: true, isStaffParticipant: true, organisationCoveredByConsent: true },
  admin: { systemRoles: ['admin'], organisationCoveredByConsent: true },
};

function row(actor: string, state: string, consent: string) {
  const p = planPermissions({ ...base, ...ACTORS[actor], planState: state as never, consent: consent as never });
  const read = Object.entries(p.read).filter(([, v]) => v).map(([k]) => k).join(',');
  const can = Object.entries(p.can).filter(([, v]) => v).map(([k]) => k).join(',');
  return { p, line: `${actor} | ${state} | ${consent} → ${p.as ?? '404'}${p.reach ? ` read[${read}] can[${can || '-'}]` : ''}` };
}

describe('plan policy over every actor × plan state × consent state', () => {
  const lines: string[] = [];
  for (const actor of Object.keys(ACTORS))
    for (const state of PLAN_STATES)
      for (const consent of CONSENT_STATES) {
        const { p, line } = row(actor, state, consent);
        lines.push(line);
        const facts = { ...base, ...ACTORS[actor], consent };

        it(line, () => {
          // Every case: reaching is having a capacity, and nothing is read or done beyond
          // that capacity's rule.
          expect(p.reach).toBe(p.as !== null);
          const rule = p.as ? VIEWER_RULES[p.as] : { read: [], can: [] };
          for (const [section, allowed] of Object.entries(p.read)) if (allowed) expect(rule.read).toContain(section);
          for (const [capability, allowed] of Object.entries(p.can)) if (allowed) expect(rule.can).toContain(capability);
          // The person always reaches their own plan.
          if (facts.isPerson) expect(p.as).toBe('person');
          // Managers and admins never reach plan content.
          if (!facts.systemRoles?.includes('practitioner') && facts.actorKind === 'staff') expect(p.reach).toBe(false);
          // Relatives only while consent is active.
          if (facts.isAllowedRelative) expect(p.reach).toBe(consent === 'active');
          // Staff of an organisation that consent does not cover, while it is active: 404.
          if (facts.actorKind === 'staff' && consent === 'active' && !facts.organisationCoveredByConsent) expect(p.reach).toBe(false);
          // Before any consent, only the initiating organisation's people.
          if (facts.actorKind === 'staff' && consent === 'none' && !facts.inInitiatingOrganisation) expect(p.reach).toBe(false);
          // Once consent is withdrawn or has ended, staff keep only their own records (read-only
          // for every principal but the initiator, who may record a new consent or close).
          if (facts.actorKind === 'staff' && (consent === 'withdrawn' || consent === 'expired') && p.reach) {
            expect(p.as).toBe('staff_own_records');
            expect(p.read.participants || p.read.history || p.read.child_view).toBe(false);
            if (!facts.inInitiatingOrganisation) expect(Object.values(p.can).some(Boolean)).toBe(false);
          }
          // A called unit that has not confirmed reads what the kallelse carries and may only confirm.
          if (p.as === 'staff_called_unit') expect(Object.entries(p.can).filter(([, v]) => v).map(([k]) => k)).toEqual(state === 'avslutad' ? [] : ['acknowledge_call']);
          // A closed plan can be read but not changed.
          if (state === 'avslutad') expect(Object.values(p.can).some(Boolean)).toBe(false);
          // A mature child's secrecy hides their own view from guardians, not from staff.
          if (facts.isCustodialGuardian) expect(p.read.child_view).toBe(!facts.childSecrecy);
          // Only the person's side sees who has read the plan.
          if (p.read.access_log) expect(['person', 'guardian', 'representative']).toContain(p.as);
          // Only those who answer for the whole plan close it: not a called unit's staff member.
          if (p.can.close_plan && p.as === 'staff_participant') expect(facts.inInitiatingOrganisation || facts.isChairOrCoordinator || facts.inLeadOrganisation).toBe(true);
          // Consent can be withdrawn only while there is one in force.
          if (p.can.withdraw_consent) expect(consent).toBe('active');
        });
      }

  it('matches the reviewed table (a diff here is a policy change)', async () => {
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('__snapshots__/plan-policy-table.txt');
  });
});

it('lets the same unit’s non-participants in before consent but not after', () => {
  const facts = { ...base, ...ACTORS['initiating unit, not participant'] };
  expect(planPermissions({ ...facts, consent: 'none' }).as).toBe('staff_initiating_unit');
  expect(planPermissions({ ...facts, consent: 'active' }).reach).toBe(false);
});
