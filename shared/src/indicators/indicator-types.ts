/** What an indicator is: its id, kind, unit and words (the records are in indicators-*.ts). */
export const INDICATOR_IDS = [
  'active_plans',
  'new_plans',
  'days_initiation_to_call',
  'discharge_call_in_time',
  'days_call_to_meeting',
  'person_participation',
  'child_view_recorded',
  'relatives_took_part',
  'statutory_completeness',
  'lead_and_coordinator_named',
  'follow_up_date_set',
  'follow_ups_on_time',
  'actions_done_on_time',
  'person_access_to_plan',
  'called_principals_attending',
  'closings',
  'person_rating',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** count: a number of cases; share: numerator among denominator; median: the middle value among cases. */
export type IndicatorKind = 'count' | 'share' | 'median';
/** What a count or a denominator counts; shares are shown in percent, medians in days. */
export type IndicatorUnit = 'plans' | 'meetings' | 'actions' | 'follow_ups' | 'closings' | 'calls' | 'evaluations' | 'days';
/** 'not_yet_available': defined and shown with its definition; its facts are not stored yet. */
export type IndicatorStatus = 'available' | 'not_yet_available';
/** A breakdown of its own, always shown with the indicator. */
export type IndicatorCategory = 'closing_reason' | 'principal';

export interface IndicatorText {
  name: string;
  definition: string;
  /** Share: what is counted among the denominator. Median: the value whose median is shown. */
  numerator?: string;
  /** Share: the cases. Median: the cases measured. Count: what is counted. */
  denominator: string;
  /** The date that places a case in a month and gives the person's age. */
  event: string;
}

export interface IndicatorDefinition {
  id: IndicatorId;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  status: IndicatorStatus;
  /**
   * A stock (plans open at the end of each month) is not a sum over months: a period shows
   * its last month, and the months of a trend do not add up to it.
   */
  stock?: boolean;
  category?: IndicatorCategory;
  /** For indicators not yet available: which facts they wait for. */
  awaits?: { sv: string; en: string };
  text: { sv: IndicatorText; en: IndicatorText };
}
