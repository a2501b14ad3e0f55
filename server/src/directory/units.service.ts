import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateUnit, Unit, UpdateUnit } from '@sip/shared';
import { auditRole, type Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { inUse, notFound, validationFailed } from '../common/problem.exception';
import { OrganisationEntity } from './organisation.entity';
import { UnitEntity } from './unit.entity';

const toUnit = (u: UnitEntity): Unit => ({
  id: u.id,
  organisationId: u.organisationId,
  name: u.name,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId?: string): Promise<Unit[]> {
    const rows = await this.dataSource
      .getRepository(UnitEntity)
      .find({ where: organisationId ? { organisationId } : {}, order: { name: 'ASC' } });
    return rows.map(toUnit);
  }

  async get(id: string): Promise<Unit> {
    const row = await this.dataSource.getRepository(UnitEntity).findOneBy({ id });
    if (!row) throw notFound();
    return toUnit(row);
  }

  create(actor: Actor, input: CreateUnit): Promise<Unit> {
    return this.dataSource.transaction(async (m) => {
      const organisation = await m.findOneBy(OrganisationEntity, { id: input.organisationId });
      if (!organisation) {
        throw validationFailed([{ path: 'body.organisationId', code: 'not_found', message: 'No such organisation' }]);
      }
      const row = await m.save(m.create(UnitEntity, input));
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.unit.create', targetType: 'unit', targetId: row.id, details: { name: row.name, organisationId: row.organisationId } },
        m,
      );
      return toUnit(row);
    });
  }

  update(actor: Actor, id: string, input: UpdateUnit): Promise<Unit> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(UnitEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound();
      Object.assign(row, input);
      const saved = await m.save(row);
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.unit.update', targetType: 'unit', targetId: id, details: { changed: Object.keys(input) } },
        m,
      );
      return toUnit(saved);
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(UnitEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound();
      const [{ count }] = await m.query('SELECT count(*)::int AS count FROM account_unit WHERE unit_id = $1', [id]);
      if (count > 0) throw inUse('Staff still belong to the unit.');
      await m.delete(UnitEntity, { id });
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.unit.delete', targetType: 'unit', targetId: id },
        m,
      );
    });
  }
}
