import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CurrentUser, SignInRequest } from '@sip/shared';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/problem.exception';
import { auditRole, type Actor } from './actor';
import { PasswordStrategy } from './password.strategy';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordStrategy,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
  ) {}

  async signIn(credentials: SignInRequest, ip: string | null, userAgent: string | null) {
    const retryAfterSeconds = await this.throttle.retryAfterSeconds(credentials.username, ip);
    if (retryAfterSeconds > 0) {
      throw new ProblemException(429, 'sign_in_throttled', { retryAfterSeconds });
    }
    const result = await this.passwords.authenticate(credentials);
    if (!result) {
      await this.throttle.recordFailure(credentials.username, ip);
      const [known] = await this.dataSource.query('SELECT id FROM account WHERE username = $1', [
        credentials.username,
      ]);
      await this.audit.append({
        actorId: null,
        actorRole: null,
        action: 'auth.sign_in_failed',
        targetType: 'account',
        targetId: known?.id ?? null,
        details: { username: credentials.username, ip, strategy: this.passwords.name },
      });
      throw new ProblemException(401, 'invalid_credentials');
    }
    await this.throttle.recordSuccess(credentials.username);
    const session = await this.sessions.create(result.accountId, ip, userAgent);
    const actor = (await this.sessions.loadActor(result.accountId))!;
    await this.audit.append({
      actorId: actor.accountId,
      actorRole: auditRole(actor),
      action: 'auth.sign_in',
      targetType: 'account',
      targetId: actor.accountId,
      details: { ip, strategy: this.passwords.name },
    });
    return { ...session, actor };
  }

  async signOut(actor: Actor, idHash: Buffer): Promise<void> {
    await this.sessions.destroy(idHash);
    await this.audit.append({
      actorId: actor.accountId,
      actorRole: auditRole(actor),
      action: 'auth.sign_out',
      targetType: 'account',
      targetId: actor.accountId,
    });
  }

  async currentUser(actor: Actor): Promise<CurrentUser> {
    const [account] = await this.dataSource.query('SELECT title FROM account WHERE id = $1', [actor.accountId]);
    const units = await this.dataSource.query(
      `SELECT u.id, u.name, o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind
         FROM account_unit au JOIN unit u ON u.id = au.unit_id JOIN organisation o ON o.id = u.organisation_id
        WHERE au.account_id = $1 ORDER BY o.name, u.name`,
      [actor.accountId],
    );
    return {
      id: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      kind: actor.kind,
      title: account?.title ?? null,
      systemRoles: actor.systemRoles,
      units: units.map((u: Record<string, string>) => ({
        id: u.id,
        name: u.name,
        organisationId: u.organisation_id,
        organisationName: u.organisation_name,
        organisationKind: u.organisation_kind,
      })),
    };
  }
}
