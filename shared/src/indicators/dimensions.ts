import { ageOn } from '../domain/time';
import type { PlanTrigger } from '../plans/plan-lifecycle';

/**
 * What a statistic can be broken down by. Every breakdown is a partition: each case falls in
 * exactly one group, so the groups add up to the total — which is what secondary suppression
 * relies on (see suppression.ts).
 */

/** Age bands as Swedish authorities publish them: coarse, and finer ones nested inside. */
export const AGE_BANDS = ['0-17', '18-64', '65+'] as const;
export const AGE_BANDS_FINE = ['0-6', '7-17', '18-29', '30-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type AgeBandFine = (typeof AGE_BANDS_FINE)[number];

const FINE_LOWER: Record<AgeBandFine, number> = { '0-6': 0, '7-17': 7, '18-29': 18, '30-64': 30, '65-79': 65, '80+': 80 };
const COARSE_OF_FINE: Record<AgeBandFine, AgeBand> = { '0-6': '0-17', '7-17': '0-17', '18-29': '18-64', '30-64': '18-64', '65-79': '65+', '80+': '65+' };

export function fineAgeBand(age: number): AgeBandFine {
  let band: AgeBandFine = '0-6';
  for (const b of AGE_BANDS_FINE) if (age >= FINE_LOWER[b]) band = b;
  return band;
}
export const coarseAgeBand = (fine: AgeBandFine): AgeBand => COARSE_OF_FINE[fine];

/** The person's fine age band on the day of the event the indicator counts. */
export const ageBandAt = (birthDate: string, eventDate: string): AgeBandFine => fineAgeBand(ageOn(birthDate, eventDate));

/** Ordinary SIP (SoL/HSL, also when the person asked for it) or discharge SIP (lag 2017:612). */
export const STATISTICS_TRIGGERS = ['ordinary', 'discharge'] as const;
export type StatisticsTrigger = (typeof STATISTICS_TRIGGERS)[number];
export const statisticsTrigger = (trigger: PlanTrigger): StatisticsTrigger => (trigger === 'discharge' ? 'discharge' : 'ordinary');

/**
 * Breakdowns a manager can choose (at most two at once, as rows × columns). `unit` and
 * `organisation` are the unit and organisation a plan is counted under within the view
 * (docs/architecture.md, *Statistics*); `county` is the initiating organisation's county.
 */
export const BREAKDOWNS = ['sex', 'age', 'ageFine', 'trigger', 'unit', 'organisation', 'county'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const DEFAULT_BREAKDOWN: readonly Breakdown[] = ['sex'];
export const MAX_BREAKDOWNS = 2;
