import type { ProblemCode } from '../schemas/problem';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];
export const DEFAULT_LANGUAGE: Language = 'sv';

type Params = { retryAfterSeconds?: number };
type Message = string | ((p: Params) => string);

/**
 * The human message for each problem code, in both languages. The server answers in the
 * request's language (Accept-Language, Swedish by default); the client can re-render a
 * problem from its code in the language the user chose.
 */
const MESSAGES: Record<ProblemCode, Record<Language, Message>> = {
  validation_failed: { sv: 'Uppgifterna är inte giltiga.', en: 'The input is not valid.' },
  malformed_json: { sv: 'Begäran är inte giltig JSON.', en: 'The request body is not valid JSON.' },
  malformed_compressed_body: {
    sv: 'Begäran kunde inte packas upp: den komprimerade datan är skadad eller ofullständig.',
    en: 'The request body could not be decompressed: the compressed data is damaged or incomplete.',
  },
  incomplete_body: {
    sv: 'Begäran kom inte fram i sin helhet. Försök igen.',
    en: 'The request body did not arrive in full. Please try again.',
  },
  payload_too_large: { sv: 'Begäran är för stor.', en: 'The request is too large.' },
  unsupported_media_type: {
    sv: 'Begäran måste skickas som JSON.',
    en: 'The request must be sent as JSON.',
  },
  unsupported_content_encoding: {
    sv: 'Begärans komprimering (Content-Encoding) stöds inte. Använd gzip, deflate, br eller ingen.',
    en: "The request body's compression (Content-Encoding) is not supported. Use gzip, deflate, br or none.",
  },
  unsupported_charset: {
    sv: 'Begärans teckenkodning stöds inte. Skicka JSON som UTF-8.',
    en: "The request body's character set is not supported. Send JSON as UTF-8.",
  },
  not_found: { sv: 'Det som efterfrågades finns inte.', en: 'The requested item does not exist.' },
  route_not_found: { sv: 'Adressen finns inte.', en: 'There is no such address.' },
  unauthenticated: { sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  session_expired: {
    sv: 'Din session har gått ut. Logga in igen.',
    en: 'Your session has expired. Please sign in again.',
  },
  forbidden: { sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
  csrf_invalid: {
    sv: 'Begäran saknar en giltig säkerhetstoken. Ladda om sidan och försök igen.',
    en: 'The request lacks a valid security token. Reload the page and try again.',
  },
  invalid_credentials: {
    sv: 'Fel användarnamn eller lösenord.',
    en: 'Wrong username or password.',
  },
  sign_in_throttled: {
    sv: (p) => `För många misslyckade inloggningar. Försök igen om ${p.retryAfterSeconds ?? 0} s.`,
    en: (p) => `Too many failed sign-ins. Try again in ${p.retryAfterSeconds ?? 0} s.`,
  },
  rate_limited: {
    sv: (p) => `För många förfrågningar. Försök igen om ${p.retryAfterSeconds ?? 0} s.`,
    en: (p) => `Too many requests. Try again in ${p.retryAfterSeconds ?? 0} s.`,
  },
  conflict: {
    sv: 'Uppgiften finns redan eller krockar med en annan.',
    en: 'This already exists or conflicts with another record.',
  },
  in_use: {
    sv: 'Kan inte tas bort eftersom den används.',
    en: 'Cannot be removed because it is in use.',
  },
  transition_refused: { sv: 'Det går inte just nu.', en: 'This cannot be done now.' },
  internal_error: {
    sv: 'Något gick fel hos oss. Försök igen om en stund.',
    en: 'Something went wrong on our side. Please try again shortly.',
  },
};

export function problemMessage(code: ProblemCode, language: Language, params: Params = {}): string {
  const message = MESSAGES[code][language];
  return typeof message === 'function' ? message(params) : message;
}

/** Picks sv or en from an Accept-Language header; Swedish unless English is preferred. */
export function languageFromHeader(header: string | undefined | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('sv')) return 'sv';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}
