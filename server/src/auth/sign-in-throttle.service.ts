import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';

// Failures older than this are forgotten.
const WINDOW_MINUTES = 15;
// Each further failure past the limit doubles the lock, up to this.
const MAX_LOCK_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per account and per client address in PostgreSQL (so that all
 * server instances share the count). Past the limit a key is locked for an interval that
 * doubles with every further failure.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string | null) {
    const { maxFailuresPerAccount, maxFailuresPerAddress } = this.config.signIn;
    return [
      { key: `account:${username}`, limit: maxFailuresPerAccount },
      ...(ip ? [{ key: `address:${ip}`, limit: maxFailuresPerAddress }] : []),
    ];
  }

  /** Seconds until a sign-in may be tried again, or 0 when it may be tried now. */
  async retryAfterSeconds(username: string, ip: string | null): Promise<number> {
    const rows: { seconds: string }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM locked_until - now())) AS seconds
         FROM sign_in_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [this.keys(username, ip).map((k) => k.key)],
    );
    return rows.reduce((max, r) => Math.max(max, Number(r.seconds)), 0);
  }

  async recordFailure(username: string, ip: string | null): Promise<void> {
    const lockSeconds = this.config.signIn.lockSeconds;
    for (const { key, limit } of this.keys(username, ip)) {
      await this.dataSource.query(
        `INSERT INTO sign_in_throttle AS t (key, failures, window_started_at)
         VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.window_started_at < now() - make_interval(mins => $2)
                           AND (t.locked_until IS NULL OR t.locked_until < now())
                           THEN 1 ELSE t.failures + 1 END,
           window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $2)
                           AND (t.locked_until IS NULL OR t.locked_until < now())
                           THEN now() ELSE t.window_started_at END`,
        [key, WINDOW_MINUTES],
      );
      await this.dataSource.query(
        `UPDATE sign_in_throttle
            SET locked_until = now() + make_interval(secs => least($3::float8, $2::float8 * power(2, failures - $4)))
          WHERE key = $1 AND failures >= $4`,
        [key, lockSeconds, MAX_LOCK_SECONDS, limit],
      );
    }
  }

  async recordSuccess(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM sign_in_throttle WHERE key = $1', [`account:${username}`]);
  }
}
