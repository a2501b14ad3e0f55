import { ORDFORANDE, PERSONAL } from './circles-staff';
import { ALDRE, UNGDOMAR, VUXNA } from './circles-person';
import { FORALDRAR, NARSTAENDE, OVRIGA } from './circles-others';
import type { MeetingPart } from './parts';
import type { Circle, CircleQuestion, CircleVersion } from './versions';

/** Every version of the circle, by id. */
export const CIRCLES: Record<CircleVersion, Circle> = {
  ordforande: ORDFORANDE,
  personal: PERSONAL,
  vuxna: VUXNA,
  ungdomar: UNGDOMAR,
  foraldrar: FORALDRAR,
  aldre: ALDRE,
  narstaende: NARSTAENDE,
  ovriga: OVRIGA,
};

/** The question of a version's part with this key, if there is one. */
export function circleQuestion(version: CircleVersion, part: MeetingPart, key: string): CircleQuestion | undefined {
  return CIRCLES[version].parts[part].questions.find((question) => question.key === key);
}
