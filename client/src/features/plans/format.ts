/** Dates as people read them in Sweden; the language decides the month names. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

/** A <input type="datetime-local"> value (local time) as an ISO instant. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

export const todayIsoDate = () => new Date().toLocaleDateString('sv-SE');
