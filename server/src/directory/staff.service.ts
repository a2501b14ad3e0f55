import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CreateStaff, Staff, UpdateStaff } from '@sip/shared';
import { auditRole, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { AuditService } from '../audit/audit.service';
import { PlanAccessEvents } from '../access/plan-access-events';
import { conflict, notFound, validationFailed } from '../common/problem.exception';
import { AccountEntity, AccountUnitEntity } from './account.entity';
import { UnitEntity } from './unit.entity';

@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly accessEvents: PlanAccessEvents,
  ) {}

  private async load(m: EntityManager, ids?: string[]): Promise<Staff[]> {
    const accounts = await m.find(AccountEntity, {
      where: { kind: 'staff', ...(ids ? { id: In(ids) } : {}) },
      order: { displayName: 'ASC' },
    });
    const memberships = await m.find(AccountUnitEntity, { where: { accountId: In(accounts.map((a) => a.id)) } });
    return accounts.map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      title: a.title,
      systemRoles: a.systemRoles,
      unitIds: memberships.filter((mu) => mu.accountId === a.id).map((mu) => mu.unitId).sort(),
      disabled: a.disabled,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    }));
  }

  list(): Promise<Staff[]> {
    return this.load(this.dataSource.manager);
  }

  async get(id: string): Promise<Staff> {
    const [staff] = await this.load(this.dataSource.manager, [id]);
    if (!staff) throw notFound();
    return staff;
  }

  private async checkUnits(m: EntityManager, unitIds: string[]) {
    const found = await m.countBy(UnitEntity, { id: In(unitIds) });
    if (found !== new Set(unitIds).size) {
      throw validationFailed([{ path: 'body.unitIds', code: 'not_found', message: 'One or more units do not exist' }]);
    }
  }

  private async setUnits(m: EntityManager, accountId: string, unitIds: string[]) {
    await this.checkUnits(m, unitIds);
    await m.delete(AccountUnitEntity, { accountId });
    if (unitIds.length) await m.insert(AccountUnitEntity, [...new Set(unitIds)].map((unitId) => ({ accountId, unitId })));
  }

  async create(actor: Actor, input: CreateStaff): Promise<Staff> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (m) => {
      const exists = await m.countBy(AccountEntity, { username: input.username });
      if (exists) throw conflict('The username is taken.', [{ path: 'body.username', code: 'taken', message: 'The username is taken' }]);
      const account = await m.save(
        m.create(AccountEntity, {
          username: input.username,
          passwordHash,
          displayName: input.displayName,
          title: input.title,
          kind: 'staff',
          systemRoles: input.systemRoles,
          disabled: false,
        }),
      );
      await this.setUnits(m, account.id, input.unitIds);
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.staff.create', targetType: 'account', targetId: account.id, details: { username: account.username, systemRoles: input.systemRoles, unitIds: input.unitIds } },
        m,
      );
      return (await this.load(m, [account.id]))[0]!;
    });
  }

  async update(actor: Actor, id: string, input: UpdateStaff): Promise<Staff> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const updated = await this.dataSource.transaction(async (m) => {
      const account = await m.findOne(AccountEntity, { where: { id, kind: 'staff' }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound();
      const losesAdmin =
        account.systemRoles.includes('admin') &&
        ((input.systemRoles && !input.systemRoles.includes('admin')) || input.disabled === true);
      if (losesAdmin) {
        const [{ count }] = await m.query(
          `SELECT count(*)::int AS count FROM account WHERE kind = 'staff' AND NOT disabled AND 'admin' = ANY(system_roles) AND id <> $1`,
          [id],
        );
        if (count === 0) throw conflict('The last administrator cannot lose the admin role or be disabled.');
      }
      const { unitIds, password: _password, ...fields } = input;
      Object.assign(account, fields, passwordHash ? { passwordHash } : {});
      await m.save(account);
      if (unitIds) await this.setUnits(m, id, unitIds);
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.staff.update', targetType: 'account', targetId: id, details: { changed: Object.keys(input) } },
        m,
      );
      return (await this.load(m, [id]))[0]!;
    });
    // A new password or a disabled account ends the account's existing sessions.
    if (input.password || input.disabled) await this.sessions.destroyAllFor(id);
    // Units and roles decide which plans the account reaches: its open sockets are checked again.
    if (input.systemRoles || input.unitIds || input.disabled !== undefined) await this.accessEvents.accountChanged({ accountId: id, reason: 'account_changed' });
    return updated;
  }
}
