import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Actor } from './actor';

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();
export const newToken = (): string => randomBytes(32).toString('base64url');

// Seen-at is written at most this often, so that browsing is not a stream of writes.
const TOUCH_INTERVAL_MS = 60_000;

export type ResolvedSession =
  | { state: 'active'; actor: Actor; idHash: Buffer; csrfToken: string }
  | { state: 'expired' | 'unknown' };

export type EndedSessions = { idHash: Buffer } | { accountId: string };

@Injectable()
export class SessionsService {
  private readonly endedListeners = new Set<(ended: EndedSessions) => void>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(accountId: string, ip: string | null, userAgent: string | null) {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionAbsoluteHours * 3600_000);
    await this.dataSource.query(
      `INSERT INTO session (id_hash, account_id, csrf_token, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [hashToken(token), accountId, csrfToken, expiresAt, ip, userAgent?.slice(0, 300) ?? null],
    );
    return { token, csrfToken, expiresAt };
  }

  async resolve(token: string): Promise<ResolvedSession> {
    const idHash = hashToken(token);
    const [row] = await this.dataSource.query(
      `SELECT s.account_id, s.csrf_token, s.last_seen_at, s.expires_at, a.disabled
         FROM session s JOIN account a ON a.id = s.account_id
        WHERE s.id_hash = $1`,
      [idHash],
    );
    if (!row) return { state: 'unknown' };
    const now = Date.now();
    const idleLimit = new Date(row.last_seen_at).getTime() + this.config.sessionIdleMinutes * 60_000;
    if (row.disabled || now >= new Date(row.expires_at).getTime() || now >= idleLimit) {
      await this.destroy(idHash);
      return { state: 'expired' };
    }
    if (now - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.query('UPDATE session SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
    }
    const actor = await this.loadActor(row.account_id);
    if (!actor) return { state: 'unknown' };
    return { state: 'active', actor, idHash, csrfToken: row.csrf_token };
  }

  async destroy(idHash: Buffer): Promise<void> {
    await this.dataSource.query('DELETE FROM session WHERE id_hash = $1', [idHash]);
    this.notifyEnded({ idHash });
  }

  /** Ends every session of an account, e.g. when it is disabled or its password changes. */
  async destroyAllFor(accountId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM session WHERE account_id = $1', [accountId]);
    this.notifyEnded({ accountId });
  }

  /** Told whenever sessions end here (sign-out, expiry found, an account's sessions ended). */
  onEnded(listener: (ended: EndedSessions) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private notifyEnded(ended: EndedSessions) {
    for (const listener of this.endedListeners) listener(ended);
  }

  /**
   * Which of these tokens' sessions are still valid — without counting the question as
   * activity (an open tab alone must not keep a session from expiring).
   */
  async stillActive(tokens: string[]): Promise<Set<string>> {
    if (!tokens.length) return new Set();
    const hashes = tokens.map(hashToken);
    const rows: { id_hash: Buffer }[] = await this.dataSource.query(
      `SELECT s.id_hash FROM session s JOIN account a ON a.id = s.account_id
        WHERE s.id_hash = ANY($1) AND NOT a.disabled AND s.expires_at > now()
          AND s.last_seen_at + make_interval(mins => $2) > now()`,
      [hashes, this.config.sessionIdleMinutes],
    );
    const active = new Set(rows.map((r) => r.id_hash.toString('hex')));
    return new Set(tokens.filter((t, i) => active.has(hashes[i]!.toString('hex'))));
  }

  async loadActor(accountId: string): Promise<Actor | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.id, a.username, a.display_name, a.kind, a.system_roles,
              coalesce(array_agg(u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS unit_ids,
              coalesce(array_agg(DISTINCT u.organisation_id) FILTER (WHERE u.id IS NOT NULL), '{}') AS organisation_ids
         FROM account a
         LEFT JOIN account_unit au ON au.account_id = a.id
         LEFT JOIN unit u ON u.id = au.unit_id
        WHERE a.id = $1
        GROUP BY a.id`,
      [accountId],
    );
    if (!row) return null;
    return {
      accountId: row.id,
      username: row.username,
      displayName: row.display_name,
      kind: row.kind,
      systemRoles: row.system_roles,
      unitIds: row.unit_ids,
      organisationIds: row.organisation_ids,
    };
  }
}
