import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ParsedPersonnummer, ageOn } from '@sip/shared';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/problem.exception';
import { Clock } from '../jobs/clock';
import { PersonnummerVault } from './personnummer-vault';

/** A practitioner finds the person to start a SIP for; the number is matched by its keyed hash. */
@Injectable()
export class PersonLookupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: PersonnummerVault,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async lookup(actor: Actor, personnummer: ParsedPersonnummer) {
    const [row]: { id: string; name: string; birth_date: string }[] = await this.dataSource.query(
      'SELECT id, name, birth_date FROM person WHERE personnummer_hash = $1',
      [this.vault.lookupHash(personnummer.canonical)],
    );
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.person_lookup', targetType: 'person', targetId: row?.id ?? null, details: { found: Boolean(row) } });
    if (!row) throw notFound();
    return { id: row.id, name: row.name, birthDate: row.birth_date, age: ageOn(row.birth_date, this.clock.today()) };
  }
}
