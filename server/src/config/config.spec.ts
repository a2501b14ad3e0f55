import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dir = () => mkdtempSync(join(tmpdir(), 'sip-config-'));

describe('loadConfig', () => {
  it('gives sensible development defaults and generates secrets once, under the data directory', () => {
    const cwd = dir();
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({ env: 'development', port: 3000, databaseUrl: undefined, seedDemoData: true, secureCookies: false, logLevel: 'warn' });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    const again = loadConfig({}, cwd);
    expect(again.sessionSecret).toBe(config.sessionSecret);
    expect(again.personnummerKey).toBe(config.personnummerKey);
    expect(JSON.parse(readFileSync(join(cwd, '.data/secrets.json'), 'utf8')).sessionSecret).toBe(config.sessionSecret);
  });

  it('reports one clear line per bad value', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SESSION_IDLE_MINUTES: '0' }, dir());
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toHaveLength(4);
    expect(error!.problems.find((p) => p.startsWith('PORT:'))).toMatch(/got "eighty"/);
    expect(error!.problems.find((p) => p.startsWith('LOG_LEVEL:'))).toMatch(/got "loud"/);
    // A database URL may hold a password: it is never echoed.
    expect(error!.problems.find((p) => p.startsWith('DATABASE_URL:'))).toMatch(/\(hidden\)/);
    expect(error!.message).not.toContain('mysql://x');
  });

  it('requires secrets and a database in production, and then sets secure cookies', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, dir())).toThrow(/SESSION_SECRET: required in production[\s\S]*PERSONNUMMER_KEY[\s\S]*DATABASE_URL/);
    const config = loadConfig(
      { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), PERSONNUMMER_KEY: 'k'.repeat(40), DATABASE_URL: 'postgres://u:p@db/sip' },
      dir(),
    );
    expect(config).toMatchObject({ secureCookies: true, seedDemoData: false, logLevel: 'info' });
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short' }, dir())).toThrow(/SESSION_SECRET: must be at least 32 characters \(got \(hidden\)\)/);
  });
});
