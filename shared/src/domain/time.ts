import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format } from 'date-fns';

/**
 * Swedish time. Calendar dates (a consent's last day, a due date, "today") are dates in
 * Stockholm, and adding days keeps the wall-clock time across daylight-saving changes —
 * three days after 10:00 is 10:00, whether or not the clocks moved in between.
 */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const inStockholm = (instant: Date | string | number) => new TZDate(new Date(instant).getTime(), SWEDISH_TIME_ZONE);

/** The calendar date (YYYY-MM-DD) in Stockholm at this instant. */
export function stockholmDate(instant: Date | string | number): string {
  return format(inStockholm(instant), 'yyyy-MM-dd');
}

/** The same Stockholm wall-clock time, `days` calendar days later. */
export function addStockholmDays(instant: Date | string | number, days: number): Date {
  return new Date(addDays(inStockholm(instant), days).getTime());
}

/** The instant a Stockholm wall clock shows `time` (HH:MM) on `date` (YYYY-MM-DD). */
export function stockholmDateTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, SWEDISH_TIME_ZONE).getTime());
}

/** Whole calendar days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(new Date(`${to}T12:00:00Z`), new Date(`${from}T12:00:00Z`));
}

/** Age in whole years on a calendar date (YYYY-MM-DD), from a birth date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Under 18 on that date: the guardians act for the child, and the child's own view is recorded. */
export const isChildOn = (birthDate: string, onDate: string): boolean => ageOn(birthDate, onDate) < 18;
