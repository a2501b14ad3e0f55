/** Lag (2017:612): the call to SIP is due within a number of days of utskrivningsklar. */
export const DEFAULT_DISCHARGE_CALL_DAYS = 3;

export type DeadlineStatus = 'not_applicable' | 'met' | 'pending' | 'near' | 'missed';

/** Near: less than a day left. */
export function dischargeDeadlineStatus(
  dueAt: Date | null,
  firstCallAt: Date | null,
  now: Date = new Date(),
): DeadlineStatus {
  if (!dueAt) return 'not_applicable';
  if (firstCallAt) return firstCallAt.getTime() <= dueAt.getTime() ? 'met' : 'missed';
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'missed';
  return left < 24 * 3600_000 ? 'near' : 'pending';
}
