import type { ConsentState } from '../policy/plan-policy';

/**
 * When a consent is in force, and who gives it. The one home of these rules: the server's
 * SQL mirrors them (server/src/access/domain.sql.ts, checked against this file by
 * test/integration/domain-sql.test.ts) and the client explains with them.
 */
export interface ConsentPeriod {
  withdrawnAt: string | Date | null;
  /** First and last day (YYYY-MM-DD, Stockholm dates); no last day: until withdrawn. */
  validFrom: string;
  validTo: string | null;
}

/** One consent record on a given day: in force, withdrawn, ended, or not yet begun ('none'). */
export function consentRecordState(c: ConsentPeriod, today: string): ConsentState {
  if (c.withdrawnAt) return 'withdrawn';
  if (c.validTo !== null && c.validTo < today) return 'expired';
  if (c.validFrom > today) return 'none';
  return 'active';
}

export const consentInForce = (c: ConsentPeriod, today: string) => consentRecordState(c, today) === 'active';

/**
 * A plan's consent on a given day: in force if any record is; otherwise withdrawn if any was
 * withdrawn, ended if any ran out, else none.
 */
export function planConsentState(records: readonly ConsentPeriod[], today: string): ConsentState {
  const states = records.map((c) => consentRecordState(c, today));
  for (const s of ['active', 'withdrawn', 'expired'] as const) if (states.includes(s)) return s;
  return 'none';
}

export const CONSENT_GIVERS = ['person', 'guardians', 'representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/**
 * Who may give consent: for a child, the guardians with custody (every one of them); an
 * adult gives it themselves or through a representative. Null when the giver fits.
 */
export function consentGiverProblem(isChild: boolean, givenBy: ConsentGiver): 'child_needs_guardians' | 'adult_gives_own' | null {
  if (isChild && givenBy === 'person') return 'child_needs_guardians';
  if (!isChild && givenBy === 'guardians') return 'adult_gives_own';
  return null;
}
