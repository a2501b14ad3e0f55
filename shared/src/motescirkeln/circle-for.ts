import type { PlanViewer } from '../policy/plan-policy';
import type { CircleVersion } from './versions';

/** How someone takes part in the meeting, as far as their circle is concerned. */
export const CIRCLE_RELATIONS = ['chair', 'staff', 'person', 'guardian', 'relative', 'representative', 'other'] as const;
export type CircleRelation = (typeof CIRCLE_RELATIONS)[number];

/** The person's age bands that decide a circle. */
export const CIRCLE_AGE_BANDS = ['under_13', '13_17', '18_64', '65_plus'] as const;
export type CircleAgeBand = (typeof CIRCLE_AGE_BANDS)[number];

export function circleAgeBand(age: number): CircleAgeBand {
  if (age < 13) return 'under_13';
  if (age < 18) return '13_17';
  if (age < 65) return '18_64';
  return '65_plus';
}

export interface CircleFacts {
  relation: CircleRelation;
  /** The age of the person the plan is about (not of the participant). */
  personAge: number;
  /** Staff judged that the young person prepares together with the guardians. */
  childPreparesWithGuardians?: boolean;
}

/**
 * Which circle a participant prepares in by default (anyone may switch to another):
 * the chair → ordförande; other staff → personal; the person 18–64 → vuxna, 13–17 →
 * ungdomar, 65+ → äldre; guardians → föräldrar; relatives of a person 65+ → närstående;
 * other relatives, a god man, a representative and other invited people → övriga.
 * A young person whom staff judge to prepare with the guardians uses the guardians' circle,
 * and so does a child under 13 (the method has no circle for young children; they prepare
 * with their parents).
 */
export function circleFor({ relation, personAge, childPreparesWithGuardians = false }: CircleFacts): CircleVersion {
  const band = circleAgeBand(personAge);
  switch (relation) {
    case 'chair':
      return 'ordforande';
    case 'staff':
      return 'personal';
    case 'person':
      if (band === 'under_13') return 'foraldrar';
      if (band === '13_17') return childPreparesWithGuardians ? 'foraldrar' : 'ungdomar';
      return band === '18_64' ? 'vuxna' : 'aldre';
    case 'guardian':
      return 'foraldrar';
    case 'relative':
      return band === '65_plus' ? 'narstaende' : 'ovriga';
    case 'representative':
    case 'other':
      return 'ovriga';
  }
}

/** The relation of someone who reaches the plan in this capacity (the chair first). */
export function circleRelation(as: PlanViewer, isChair: boolean): CircleRelation {
  if (isChair) return 'chair';
  switch (as) {
    case 'person':
    case 'guardian':
    case 'relative':
    case 'representative':
      return as;
    case 'staff_participant':
    case 'staff_initiating_unit':
    case 'staff_called_unit':
    case 'staff_own_records':
      return 'staff';
  }
}
