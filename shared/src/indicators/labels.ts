import type { ClosingReason } from '../plans/plan-lifecycle';
import type { Breakdown } from './dimensions';
import type { IndicatorUnit } from './indicators';

/**
 * Words for the groups and markers of statistics, in both languages: the dashboard and the
 * CSV export print the same ones.
 */
type Lang = 'sv' | 'en';

export const BREAKDOWN_NAMES: Record<Breakdown, Record<Lang, string>> = {
  sex: { sv: 'Kön', en: 'Sex' },
  age: { sv: 'Ålder', en: 'Age' },
  ageFine: { sv: 'Ålder (fin indelning)', en: 'Age (fine bands)' },
  trigger: { sv: 'Typ av SIP', en: 'Kind of SIP' },
  unit: { sv: 'Enhet', en: 'Unit' },
  organisation: { sv: 'Huvudman', en: 'Organisation' },
  county: { sv: 'Län', en: 'County' },
};

const FIXED_GROUPS: Record<string, Record<Lang, string>> = {
  female: { sv: 'Kvinnor', en: 'Women' },
  male: { sv: 'Män', en: 'Men' },
  unspecified: { sv: 'Kön ej angivet', en: 'Sex not given' },
  ordinary: { sv: 'Ordinarie SIP', en: 'Ordinary SIP' },
  discharge: { sv: 'SIP vid utskrivning', en: 'Discharge SIP' },
};

/** A group's name: sexes, triggers and age bands by their key; units and organisations by `named`. */
export function groupLabel(breakdown: Breakdown, key: string, lang: Lang, named?: string | null): string {
  if (named) return named;
  if (breakdown === 'age' || breakdown === 'ageFine') return `${key.replace('-', '–')} ${lang === 'sv' ? 'år' : 'years'}`;
  return FIXED_GROUPS[key]?.[lang] ?? key;
}

export const CLOSING_REASON_NAMES: Record<ClosingReason, Record<Lang, string>> = {
  goals_reached: { sv: 'Målen är nådda', en: 'Goals reached' },
  consent_withdrawn: { sv: 'Samtycket återkallat', en: 'Consent withdrawn' },
  moved: { sv: 'Personen har flyttat', en: 'The person moved' },
  deceased: { sv: 'Personen har avlidit', en: 'The person died' },
  no_longer_needed: { sv: 'Behövs inte längre', en: 'No longer needed' },
  request_refused: { sv: 'Begäran avslogs', en: 'Request refused' },
  other: { sv: 'Annat', en: 'Other' },
};

export const UNIT_NAMES: Record<IndicatorUnit | 'percent', Record<Lang, string>> = {
  plans: { sv: 'planer', en: 'plans' },
  meetings: { sv: 'möten', en: 'meetings' },
  actions: { sv: 'insatser', en: 'actions' },
  follow_ups: { sv: 'uppföljningar', en: 'follow-ups' },
  closings: { sv: 'avslut', en: 'closings' },
  calls: { sv: 'kallelser', en: 'calls' },
  evaluations: { sv: 'utvärderingar', en: 'evaluations' },
  days: { sv: 'dagar', en: 'days' },
  percent: { sv: 'procent', en: 'percent' },
};

/** The markers, as Swedish official statistics print them. */
export const SUPPRESSION_MARKS = { small: '<5', hidden: '..', none: '–' } as const;
export const smallMark = (threshold: number) => `<${threshold}`;
