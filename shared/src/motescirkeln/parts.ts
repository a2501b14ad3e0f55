import type { Language } from '../i18n/problem-messages';

/**
 * Mötescirkeln (SKR's meeting circle): every SIP meeting in five parts, drawn as a circle
 * whose slices show how to share the time. The parts are the same in every version of the
 * circle, so that everyone follows the same meeting from their own circle. Ids are ASCII:
 * they travel in URLs, SQL and JSON.
 */
export const MEETING_PARTS = ['inledning', 'aktuell_situation', 'behov', 'sammanfattning', 'avslutning'] as const;
export type MeetingPart = (typeof MEETING_PARTS)[number];

export type Localised = Record<Language, string>;

/** The part's name and what happens in it — the same words on every circle. */
export const PART_INFO: Record<MeetingPart, { name: Localised; happens: Localised }> = {
  inledning: {
    name: { sv: 'Inledning', en: 'Introduction' },
    happens: {
      sv: 'Ordföranden hälsar välkommen, säger vem som antecknar, mötets syfte, hur lång tid det tar och vad samtycke och sekretess innebär. Personen presenterar sig först.',
      en: 'The chair welcomes everyone and says who takes notes, the purpose of the meeting, how long it takes and what consent and secrecy mean. The person presents themselves first.',
    },
  },
  aktuell_situation: {
    name: { sv: 'Aktuell situation', en: 'The situation now' },
    happens: {
      sv: 'Alla berättar kort hur de ser på situationen just nu, också det som fungerar. Personen börjar.',
      en: 'Everyone says briefly how they see the situation now, including what works. The person starts.',
    },
  },
  behov: {
    name: { sv: 'Behov', en: 'Needs' },
    happens: {
      sv: 'Mötets största del: vilken hjälp som behövs och vem som gör vad. Mål på lång och kort sikt görs konkreta och fackord förklaras.',
      en: 'The largest part of the meeting: what help is needed and who does what. Long- and short-term goals are made concrete and jargon is explained.',
    },
  },
  sammanfattning: {
    name: { sv: 'Sammanfattning', en: 'Summary' },
    happens: {
      sv: 'Ordföranden sammanfattar vem som gör vad – det blir planen. Det ni inte är överens om skrivs ner. Huvudansvarig och samordningsansvarig utses; personen tillfrågas.',
      en: 'The chair sums up who does what — this becomes the plan. Disagreements are written down. The lead principal and the coordinator are appointed; the person is asked.',
    },
  },
  avslutning: {
    name: { sv: 'Avslutning', en: 'Closing' },
    happens: {
      sv: 'Uppföljningen bestäms, personen får veta hur planen når hen, och mötet avslutas.',
      en: 'The follow-up is set, the person learns how the plan will reach them, and the meeting closes.',
    },
  },
};

/**
 * The share of the meeting's time each part gets, in per cent. SKR publishes no official
 * figures; these are the defaults, and a county may set its own
 * (county_setting.meeting_part_shares). Behov is always the largest.
 */
export type PartShares = Record<MeetingPart, number>;
export const DEFAULT_PART_SHARES: PartShares = { inledning: 10, aktuell_situation: 20, behov: 40, sammanfattning: 20, avslutning: 10 };

/** The least and most per cent of the time one part may have. */
export const PART_SHARE_LIMITS = { min: 5, max: 80 } as const;

/** Whether shares are whole per cents from 5 to 80 that add up to 100, with behov the largest. */
export function sharesProblem(shares: PartShares): 'shares_must_sum_to_100' | 'share_out_of_range' | 'needs_must_be_largest' | null {
  const values = MEETING_PARTS.map((p) => shares[p]);
  if (values.some((v) => !Number.isInteger(v) || v < PART_SHARE_LIMITS.min || v > PART_SHARE_LIMITS.max)) return 'share_out_of_range';
  if (values.reduce((a, b) => a + b, 0) !== 100) return 'shares_must_sum_to_100';
  if (MEETING_PARTS.some((p) => p !== 'behov' && shares[p] >= shares.behov)) return 'needs_must_be_largest';
  return null;
}

/** The county's shares when they are valid, else the defaults (a half-configured county changes nothing). */
export function effectiveShares(county: Partial<PartShares> | null | undefined): PartShares {
  const merged = { ...DEFAULT_PART_SHARES, ...(county ?? {}) };
  return sharesProblem(merged) ? DEFAULT_PART_SHARES : merged;
}

export interface PlannedPart {
  part: MeetingPart;
  /** Planned length in seconds. */
  seconds: number;
  /** Seconds from the meeting's start at which the part is planned to begin. */
  offsetSeconds: number;
}

/**
 * Each part's planned time within a meeting of `durationMinutes`, in whole seconds that add
 * up to the meeting's length (largest remainders get the odd seconds).
 */
export function planParts(durationMinutes: number, shares: PartShares = DEFAULT_PART_SHARES): PlannedPart[] {
  const total = Math.round(durationMinutes * 60);
  const exact = MEETING_PARTS.map((part) => ({ part, exact: (total * shares[part]) / 100 }));
  const floors = exact.map((e) => Math.floor(e.exact));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e.exact - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  let offset = 0;
  return exact.map((e, i) => {
    const planned = { part: e.part, seconds: floors[i]!, offsetSeconds: offset };
    offset += floors[i]!;
    return planned;
  });
}

export const partIndex = (part: MeetingPart): number => MEETING_PARTS.indexOf(part);
export const isMeetingPart = (value: unknown): value is MeetingPart => typeof value === 'string' && (MEETING_PARTS as readonly string[]).includes(value);
