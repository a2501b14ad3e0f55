import { describe, expect, it } from 'vitest';
import { type PlanAction, type PlanState, PLAN_ACTIONS, PLAN_STATES, blockingReasons, guardFailures, nextState } from './plan-lifecycle';
import { isCallAddressee } from './call-addressee';

/**
 * The SIP process, written out by hand: for each action, the states it may start from and
 * where it leads. The state machine in plan-lifecycle.ts must say exactly this.
 */
const EXPECTED: Record<PlanAction, Partial<Record<PlanState, PlanState>>> = {
  record_consent: { initierad: 'samtycke' },
  start_preparation: { samtycke: 'forberedelse' },
  send_call: { forberedelse: 'kallad', kallad: 'kallad', faststalld: 'kallad', uppfoljning: 'kallad' },
  record_meeting: { kallad: 'mote_hallet' },
  finalise: { mote_hallet: 'faststalld', uppfoljning: 'faststalld' },
  start_follow_up: { faststalld: 'uppfoljning' },
  close: { initierad: 'avslutad', samtycke: 'avslutad', forberedelse: 'avslutad', kallad: 'avslutad', mote_hallet: 'avslutad', faststalld: 'avslutad', uppfoljning: 'avslutad' },
  refuse_request: { initierad: 'avslutad' },
};

/** What each action needs besides the right state, so that only the state decides below. */
const COMPLETE_INPUT = {
  reason: 'Skäl',
  calledPrincipals: 1,
  meetingTimeSet: true,
  meetingPlanned: true,
  content: { needs: 1, principalsWithoutActions: [], othersMeasures: 1, leadPrincipal: true, coordinator: true, followUpDate: true },
};

describe('the lifecycle, action by action and state by state', () => {
  for (const action of PLAN_ACTIONS) {
    for (const state of PLAN_STATES) {
      const to = EXPECTED[action][state];
      it(`${action} from ${state}: ${to ? `→ ${to}` : 'refused'}`, () => {
        const failures = guardFailures(action, { state, trigger: 'request', consentActive: true }, COMPLETE_INPUT);
        if (to) {
          expect(failures).toEqual([]);
          expect(nextState(action, state)).toBe(to);
        } else {
          expect(failures).toEqual(state === 'avslutad' ? ['plan_closed'] : ['wrong_state']);
        }
      });
    }
  }
});

describe('guards besides the state', () => {
  const active = { trigger: 'ordinary' as const, consentActive: true };
  it('needs consent for everything but closing', () => {
    for (const action of PLAN_ACTIONS) {
      const from = Object.keys(EXPECTED[action])[0] as PlanState;
      const failures = guardFailures(action, { ...active, state: from, consentActive: false, trigger: 'request' }, COMPLETE_INPUT);
      expect(failures.includes('consent_missing'), action).toBe(!['close', 'refuse_request'].includes(action));
    }
  });

  it('names every missing part of a call, a closing and a refusal', () => {
    expect(guardFailures('send_call', { ...active, state: 'forberedelse' })).toEqual(['no_called_principal', 'meeting_time_missing']);
    expect(guardFailures('close', { ...active, state: 'kallad' }, { reason: '  ' })).toEqual(['reason_required']);
    expect(guardFailures('refuse_request', { ...active, state: 'initierad' }, { reason: 'x' })).toEqual(['not_a_request']);
    expect(guardFailures('record_meeting', { ...active, state: 'kallad' }, { meetingPlanned: false })).toEqual(['meeting_not_planned']);
  });

  it('lists everything finalising misses, from the projected content', () => {
    expect(guardFailures('finalise', { ...active, state: 'mote_hallet' }, { content: { needs: 0, principalsWithoutActions: ['Region Uppsala'], othersMeasures: 0, leadPrincipal: false, coordinator: false, followUpDate: false } })).toEqual([
      'needs_missing',
      'principal_efforts_missing',
      'others_measures_missing',
      'lead_principal_missing',
      'coordinator_missing',
      'follow_up_date_missing',
    ]);
  });
});

describe('the reasons a person is told', () => {
  it('without consent, consent is the reason — not "the wrong stage", which recording consent moves on', () => {
    expect(blockingReasons('start_preparation', { state: 'initierad', trigger: 'ordinary', consentActive: false })).toEqual(['consent_missing']);
    expect(guardFailures('start_preparation', { state: 'initierad', trigger: 'ordinary', consentActive: false })).toEqual(['wrong_state', 'consent_missing']);
  });

  it('keeps "the wrong stage" when the stage is the reason', () => {
    expect(blockingReasons('start_preparation', { state: 'kallad', trigger: 'ordinary', consentActive: true })).toEqual(['wrong_state']);
    expect(blockingReasons('start_preparation', { state: 'samtycke', trigger: 'ordinary', consentActive: true })).toEqual([]);
  });
});

describe('who confirms a call', () => {
  const actor = { accountId: 'eva', unitIds: ['vuxenenheten'] };
  it('a kallelse: anyone in the called unit, nobody else', () => {
    expect(isCallAddressee({ kind: 'kallelse', unitId: 'vuxenenheten', invitedAccountId: null }, actor)).toBe(true);
    expect(isCallAddressee({ kind: 'kallelse', unitId: 'vuxenpsykiatri', invitedAccountId: null }, actor)).toBe(false);
  });
  it('an inbjudan: only the invited participant', () => {
    expect(isCallAddressee({ kind: 'inbjudan', unitId: null, invitedAccountId: 'eva' }, actor)).toBe(true);
    expect(isCallAddressee({ kind: 'inbjudan', unitId: null, invitedAccountId: null }, actor)).toBe(false);
  });
});
