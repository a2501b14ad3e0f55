import { SWEDISH_TIME_ZONE, stockholmDate, stockholmDateTime } from '@sip/shared';

/**
 * Formatters are made once per language and style: making an Intl.DateTimeFormat is far
 * dearer than using one (a plan page with an access log and history formats dozens of
 * times; the profile of the person's plan page showed 0.1 s of its start-up here, at a
 * phone's CPU speed).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const locale = language === 'en' ? 'en-GB' : 'sv-SE';
  const key = `${locale}|${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: SWEDISH_TIME_ZONE });
    formatters.set(key, format);
  }
  return format;
}

/** Dates as people read them in Sweden; the language decides the month names. */
export function formatDateTime(iso: string, language: string): string {
  return formatter(language, true).format(new Date(iso));
}

/** A day as in "24 november" / "24 November"; the year only when it is not this one. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
export function formatDay(iso: string, language: string): string {
  const date = new Date(iso);
  const thisYear = stockholmDate(new Date().toISOString()).slice(0, 4) === stockholmDate(iso).slice(0, 4);
  const locale = language === 'en' ? 'en-GB' : 'sv-SE';
  const key = `${locale}|${thisYear}`;
  let format = dayFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(thisYear ? {} : { year: 'numeric' }), timeZone: 'Europe/Stockholm' });
    dayFormatters.set(key, format);
  }
  return format.format(date);
}

/** The Stockholm calendar day of an instant, as YYYY-MM-DD (the shared domain rule). */
export { stockholmDate };

export function formatDate(iso: string, language: string): string {
  return formatter(language, false).format(new Date(iso));
}

/**
 * A <input type="datetime-local"> value as an ISO instant, read as Stockholm wall-clock time
 * whatever the browser's time zone: a meeting at 10:00 is at 10:00 in Sweden, also for
 * someone whose computer is set to New York. Empty or malformed input gives '' (the schema
 * then says what is wrong beside the field).
 */
export function localInputToIso(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return '';
  const instant = stockholmDateTime(match[1]!, match[2]!);
  return Number.isNaN(instant.getTime()) ? '' : instant.toISOString();
}

/** Today's date in Stockholm (YYYY-MM-DD), whatever the browser's time zone. */
export const todayIsoDate = () => stockholmDate(Date.now());
