/** Injection token: the application's PostgreSQL URL (pg-boss opens its own pool on it). */
export const DATABASE_URL = Symbol('DATABASE_URL');
