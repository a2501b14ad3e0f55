import { describe, expect, it } from 'vitest';
import { addStockholmDays, ageOn, daysBetween, isChildOn, stockholmDate, stockholmDateTime } from './time';

describe('Swedish time', () => {
  it('gives the Stockholm date, not the UTC one', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(stockholmDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(stockholmDate('2026-07-01T21:59:00Z')).toBe('2026-07-01');
    expect(stockholmDate('2026-07-01T22:00:00Z')).toBe('2026-07-02');
  });

  it('adds days keeping the wall-clock time across the spring and autumn changes', () => {
    // 10:00 in Stockholm on Friday 27 March 2026 (CET, UTC+1); summer time starts 29 March.
    const friday = new Date('2026-03-27T09:00:00Z');
    expect(addStockholmDays(friday, 3).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // 10:00 on 23 October 2026 (CEST, UTC+2); winter time from 25 October.
    expect(addStockholmDays(new Date('2026-10-23T08:00:00Z'), 3).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('reads a Stockholm wall-clock time in winter and in summer', () => {
    expect(stockholmDateTime('2026-01-15', '09:30').toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(stockholmDateTime('2026-07-01', '09:30').toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(stockholmDate(stockholmDateTime('2026-12-31', '23:45'))).toBe('2026-12-31');
  });

  it('counts ages and children by calendar date', () => {
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2008-11-26', '2026-11-26')).toBe(18);
    expect(isChildOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isChildOn('2008-02-29', '2026-03-01')).toBe(false);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});
