import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting the server reads from its environment. Each variable is documented in
 * the README's configuration table; keep the two in step.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PERSONNUMMER_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(30),
  SIGN_IN_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(100000).default(1200),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  TRUST_PROXY: boolFromEnv.default(false),
  SEED_DEMO_DATA: boolFromEnv.optional(),
  CLIENT_DIST: z.string().optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('SIP <no-reply@sip.invalid>'),
  PUBLIC_URL: z.url().optional(),
  STATISTICS_MIN_COUNT: z.coerce.number().int().min(1).max(100).default(5),
  STATISTICS_REFRESH_CRON: z.string().min(9).default('*/10 * * * *'),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset means: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  sessionSecret: string;
  personnummerKey: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  signIn: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; lockSeconds: number };
  rateLimitPerMinute: number;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: boolean;
  seedDemoData: boolean;
  clientDist: string;
  secureCookies: boolean;
  /** Set: socket.io runs over Redis so that several server instances share the rooms. */
  redisUrl: string | undefined;
  /** Set: e-mail goes out through this server; unset: into the development outbox under dataDir. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where links in e-mails point. */
  publicUrl: string;
  /**
   * Statistics: counts below this are hidden (and further cells so they cannot be worked out);
   * when the monthly aggregate is rebuilt (cron, Stockholm time).
   */
  statistics: { minCount: number; refreshCron: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Development secrets are generated once and kept under the data directory, so that
 * sessions and encrypted personnummer survive restarts. Production must set them.
 */
function developmentSecrets(dataDir: string): { sessionSecret: string; personnummerKey: string } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    personnummerKey: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        const raw = env[name];
        const shown = raw === undefined ? 'unset' : /SECRET|KEY|DATABASE_URL|REDIS_URL|SMTP_URL/.test(name) ? '(hidden)' : JSON.stringify(raw);
        return `${name}: ${issue.message} (got ${shown})`;
      }),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !e.SESSION_SECRET) problems.push('SESSION_SECRET: required in production (got unset)');
  if (production && !e.PERSONNUMMER_KEY) problems.push('PERSONNUMMER_KEY: required in production (got unset)');
  if (production && !e.DATABASE_URL) problems.push('DATABASE_URL: required in production (got unset)');
  // Below 3, a hidden cell and a shown neighbour would identify people in production.
  if (production && e.STATISTICS_MIN_COUNT < 3) problems.push(`STATISTICS_MIN_COUNT: at least 3 in production (got ${e.STATISTICS_MIN_COUNT})`);
  if (problems.length) throw new ConfigError(problems);

  const dataDir = resolve(cwd, e.DATA_DIR);
  const generated =
    e.SESSION_SECRET && e.PERSONNUMMER_KEY ? undefined : developmentSecrets(dataDir);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    sessionSecret: e.SESSION_SECRET ?? generated!.sessionSecret,
    personnummerKey: e.PERSONNUMMER_KEY ?? generated!.personnummerKey,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    signIn: {
      maxFailuresPerAccount: e.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: e.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      lockSeconds: e.SIGN_IN_LOCK_SECONDS,
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    // Quiet by default on a developer's terminal; request logs in production.
    logLevel: e.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    trustProxy: e.TRUST_PROXY,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    clientDist: resolve(cwd, e.CLIENT_DIST ?? 'client/dist'),
    secureCookies: production,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    statistics: { minCount: e.STATISTICS_MIN_COUNT, refreshCron: e.STATISTICS_REFRESH_CRON },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
