import { describe, expect, it } from 'vitest';
import { DEFAULT_PART_SHARES, planParts } from '@sip/shared';
import { circleSlices, clock, sharesFromParts } from './circle-geometry';

describe('the circle drawn', () => {
  it('draws five slices in order, clockwise from the top, each as large as its share', () => {
    const slices = circleSlices(DEFAULT_PART_SHARES);
    expect(slices.map((s) => s.part)).toEqual(['inledning', 'aktuell_situation', 'behov', 'sammanfattning', 'avslutning']);
    // Inledning (10 %) starts at 12 o'clock and ends 36° on.
    expect(slices[0]!.path).toBe('M 110 110 L 110 10 A 100 100 0 0 1 168.78 29.1 Z');
    // No slice is larger than half, so none needs the large arc; 60 % would.
    expect(slices.every((s) => s.path.includes(' 0 0 1 '))).toBe(true);
    expect(circleSlices({ ...DEFAULT_PART_SHARES, behov: 60, aktuell_situation: 10, sammanfattning: 10, avslutning: 10 })[2]!.path).toContain(' 0 1 1 ');
    // The last slice closes the circle where the first began.
    expect(slices[4]!.path).toMatch(/A 100 100 0 0 1 110 10 Z$/);
  });

  it('reads shares back from the planned parts and shows times as a clock', () => {
    expect(sharesFromParts(planParts(90))).toEqual(DEFAULT_PART_SHARES);
    expect([clock(0), clock(65), clock(3600 + 61), clock(-5)]).toEqual(['0:00', '1:05', '1:01:01', '0:00']);
  });
});
