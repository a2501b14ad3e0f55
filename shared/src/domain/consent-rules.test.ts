import { describe, expect, it } from 'vitest';
import { consentGiverProblem, consentRecordState, planConsentState } from './consent-rules';

const c = (validFrom: string, validTo: string | null, withdrawnAt: string | null = null) => ({ validFrom, validTo, withdrawnAt });

describe('consent rules', () => {
  it('a consent is in force from its first day through its last, unless withdrawn', () => {
    const table: [ReturnType<typeof c>, string, string][] = [
      [c('2026-11-01', null), '2026-11-25', 'active'],
      [c('2026-11-01', '2026-11-25'), '2026-11-25', 'active'],
      [c('2026-11-01', '2026-11-24'), '2026-11-25', 'expired'],
      [c('2026-11-26', null), '2026-11-25', 'none'],
      [c('2026-11-01', null, '2026-11-20T10:00:00Z'), '2026-11-25', 'withdrawn'],
    ];
    for (const [consent, today, state] of table) expect(consentRecordState(consent, today), JSON.stringify(consent)).toBe(state);
  });

  it('a plan has consent while any record is in force', () => {
    expect(planConsentState([c('2026-01-01', '2026-06-30'), c('2026-07-01', null)], '2026-11-25')).toBe('active');
    expect(planConsentState([c('2026-01-01', '2026-06-30'), c('2026-01-01', null, '2026-02-01')], '2026-11-25')).toBe('withdrawn');
    expect(planConsentState([c('2026-01-01', '2026-06-30')], '2026-11-25')).toBe('expired');
    expect(planConsentState([], '2026-11-25')).toBe('none');
  });

  it('the guardians consent for a child; an adult for themselves', () => {
    expect(consentGiverProblem(true, 'person')).toBe('child_needs_guardians');
    expect(consentGiverProblem(true, 'guardians')).toBeNull();
    expect(consentGiverProblem(false, 'guardians')).toBe('adult_gives_own');
    expect(consentGiverProblem(false, 'representative')).toBeNull();
  });
});
