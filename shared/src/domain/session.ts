/**
 * Names and numbers of the session, apart from the auth schemas (schemas/auth.ts), so that
 * the client's API wrapper can name the CSRF header without building those schemas.
 */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'sip.csrf';
export const SESSION_COOKIE = 'sip.sid';

/** Minimum password length for accounts created through the API. */
export const MIN_PASSWORD_LENGTH = 10;
