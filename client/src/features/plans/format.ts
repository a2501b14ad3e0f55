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
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: 'Europe/Stockholm' });
    formatters.set(key, format);
  }
  return format;
}

/** Dates as people read them in Sweden; the language decides the month names. */
export function formatDateTime(iso: string, language: string): string {
  return formatter(language, true).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return formatter(language, false).format(new Date(iso));
}

/** A <input type="datetime-local"> value (local time) as an ISO instant. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

export const todayIsoDate = () => new Date().toLocaleDateString('sv-SE');
