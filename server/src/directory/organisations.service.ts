import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateOrganisation, Organisation, UpdateOrganisation } from '@sip/shared';
import { auditRole, type Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { inUse, notFound } from '../common/problem.exception';
import { OrganisationEntity } from './organisation.entity';

export const toOrganisation = (o: OrganisationEntity): Organisation => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  countyCode: o.countyCode,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<Organisation[]> {
    const rows = await this.dataSource.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
    return rows.map(toOrganisation);
  }

  async get(id: string): Promise<Organisation> {
    const row = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    if (!row) throw notFound();
    return toOrganisation(row);
  }

  create(actor: Actor, input: CreateOrganisation): Promise<Organisation> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.save(m.create(OrganisationEntity, input));
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.organisation.create', targetType: 'organisation', targetId: row.id, details: { name: row.name, kind: row.kind } },
        m,
      );
      return toOrganisation(row);
    });
  }

  update(actor: Actor, id: string, input: UpdateOrganisation): Promise<Organisation> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound();
      Object.assign(row, input);
      const saved = await m.save(row);
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.organisation.update', targetType: 'organisation', targetId: id, details: { changed: Object.keys(input) } },
        m,
      );
      return toOrganisation(saved);
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound();
      const [{ count }] = await m.query('SELECT count(*)::int AS count FROM unit WHERE organisation_id = $1', [id]);
      if (count > 0) throw inUse('The organisation still has units.');
      await m.delete(OrganisationEntity, { id });
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.organisation.delete', targetType: 'organisation', targetId: id },
        m,
      );
    });
  }
}
