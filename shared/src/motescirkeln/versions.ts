import type { Localised, MeetingPart } from './parts';

/**
 * The eight versions of the circle, one per group of participants. The content differs in
 * language and in each participant's task; the parts are the same in all of them.
 */
export const CIRCLE_VERSIONS = ['ordforande', 'personal', 'vuxna', 'ungdomar', 'foraldrar', 'aldre', 'narstaende', 'ovriga'] as const;
export type CircleVersion = (typeof CIRCLE_VERSIONS)[number];
export const isCircleVersion = (value: unknown): value is CircleVersion => typeof value === 'string' && (CIRCLE_VERSIONS as readonly string[]).includes(value);

export interface CircleQuestion {
  /** Stable within the version and part: answers are stored under it. */
  key: string;
  text: Localised;
}

export interface CirclePart {
  /** What this part is for, said to this version's reader. */
  purpose: Localised;
  /** What to think about before the meeting. */
  questions: readonly CircleQuestion[];
  /** What this reader does while the part runs. */
  during: Localised;
}

export interface Circle {
  version: CircleVersion;
  title: Localised;
  /** Who the version is for. */
  audience: Localised;
  /** Written in plain language (klarspråk): the person's, young people's, parents', older people's and relatives' versions. */
  plainLanguage: boolean;
  parts: Record<MeetingPart, CirclePart>;
}

/** Helpers that keep the text files readable. */
export const l = (sv: string, en: string): Localised => ({ sv, en });
export const q = (key: string, sv: string, en: string): CircleQuestion => ({ key, text: { sv, en } });
