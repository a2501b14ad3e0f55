import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type CreatePerson,
  type CreateRelation,
  type ParsedPersonnummer,
  type RelationKind,
  type Person,
  type UpdatePerson,
  maskPersonnummer,
} from '@sip/shared';
import { PlanAccessEvents } from '../access/plan-access-events';
import { auditRole, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password-hasher';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound, validationFailed } from '../common/problem.exception';
import { AccountEntity } from './account.entity';
import { PersonEntity, PersonRelationEntity } from './person.entity';
import { PersonnummerVault } from './personnummer-vault';

interface RelationRow {
  id: string;
  person_id: string;
  account_id: string;
  kind: RelationKind;
  has_custody: boolean;
  created_at: Date;
  display_name: string;
  username: string;
}

@Injectable()
export class PersonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: PersonnummerVault,
    private readonly accessEvents: PlanAccessEvents,
  ) {}

  /** Loads persons with their relations; the personnummer leaves only masked. */
  private async load(m: EntityManager, ids: string[]): Promise<Person[]> {
    if (!ids.length) return [];
    const persons = await m
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .addSelect('p.personnummerEnc')
      .where('p.id IN (:...ids)', { ids })
      .orderBy('p.name', 'ASC')
      .getMany();
    const relations: RelationRow[] = await m.query(
      `SELECT r.id, r.person_id, r.account_id, r.kind, r.has_custody, r.created_at, a.display_name, a.username
         FROM person_relation r JOIN account a ON a.id = r.account_id
        WHERE r.person_id = ANY($1) ORDER BY r.created_at`,
      [ids],
    );
    return persons.map((p) => ({
      id: p.id,
      name: p.name,
      personnummerMasked: maskPersonnummer(this.vault.decrypt(p.personnummerEnc)),
      isSamordningsnummer: p.isSamordningsnummer,
      birthDate: p.birthDate,
      sex: p.sex,
      phone: p.phone,
      email: p.email,
      address: p.address,
      accountId: p.accountId,
      relations: relations
        .filter((r) => r.person_id === p.id)
        .map((r) => ({
          id: r.id,
          personId: r.person_id,
          accountId: r.account_id,
          displayName: r.display_name,
          username: r.username,
          kind: r.kind,
          hasCustody: r.has_custody,
          createdAt: r.created_at.toISOString(),
        })),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    }));
  }

  async list(limit: number, offset: number, nameQuery?: string): Promise<{ items: Person[]; total: number }> {
    const qb = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p').select('p.id');
    if (nameQuery) qb.where('p.name ILIKE :q', { q: `%${nameQuery.replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    const [rows, total] = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id').take(limit).skip(offset).getManyAndCount();
    return { items: await this.load(this.dataSource.manager, rows.map((r) => r.id)), total };
  }

  async get(actor: Actor, id: string): Promise<Person> {
    const [person] = await this.load(this.dataSource.manager, [id]);
    if (!person) throw notFound();
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.person.read', targetType: 'person', targetId: id });
    return person;
  }

  /** Exact lookup by personnummer through the keyed hash; the number itself is not logged. */
  async lookup(actor: Actor, personnummer: ParsedPersonnummer): Promise<Person> {
    const [row] = await this.dataSource.query('SELECT id FROM person WHERE personnummer_hash = $1', [
      this.vault.lookupHash(personnummer.canonical),
    ]);
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.person.lookup', targetType: 'person', targetId: row?.id ?? null, details: { found: Boolean(row) } });
    if (!row) throw notFound();
    return (await this.load(this.dataSource.manager, [row.id]))[0]!;
  }

  async create(actor: Actor, input: CreatePerson): Promise<Person> {
    const passwordHash = input.account ? await hashPassword(input.account.password) : undefined;
    return this.dataSource.transaction(async (m) => {
      const pnr = input.personnummer;
      const [duplicate] = await m.query('SELECT 1 FROM person WHERE personnummer_hash = $1', [this.vault.lookupHash(pnr.canonical)]);
      if (duplicate) {
        throw conflict('A person with this personnummer is already registered.', [{ path: 'body.personnummer', code: 'personnummer_registered', message: 'Already registered' }]);
      }
      let accountId: string | null = null;
      if (input.account) {
        accountId = await this.createCitizenAccount(m, input.account.username, input.name, passwordHash!, 'body.account.username');
      }
      const person = await m.save(
        m.create(PersonEntity, {
          name: input.name,
          personnummerEnc: this.vault.encrypt(pnr.canonical),
          personnummerHash: this.vault.lookupHash(pnr.canonical),
          isSamordningsnummer: pnr.isSamordningsnummer,
          birthDate: pnr.birthDate,
          sex: input.sex ?? pnr.legalSex,
          phone: input.phone,
          email: input.email,
          address: input.address,
          accountId,
        }),
      );
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.person.create', targetType: 'person', targetId: person.id, details: { withAccount: Boolean(accountId) } },
        m,
      );
      return (await this.load(m, [person.id]))[0]!;
    });
  }

  async update(actor: Actor, id: string, input: UpdatePerson): Promise<Person> {
    return this.dataSource.transaction(async (m) => {
      const person = await m.findOne(PersonEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw notFound();
      Object.assign(person, input);
      await m.save(person);
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.person.update', targetType: 'person', targetId: id, details: { changed: Object.keys(input) } },
        m,
      );
      return (await this.load(m, [id]))[0]!;
    });
  }

  async addRelation(actor: Actor, personId: string, input: CreateRelation): Promise<Person> {
    const passwordHash = input.newAccount ? await hashPassword(input.newAccount.password) : undefined;
    let linked: string | undefined;
    const person = await this.dataSource.transaction(async (m) => {
      const person = await m.findOne(PersonEntity, { where: { id: personId }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw notFound();
      let accountId = input.accountId;
      if (accountId) {
        const account = await m.findOneBy(AccountEntity, { id: accountId, kind: 'citizen' });
        if (!account) {
          throw validationFailed([{ path: 'body.accountId', code: 'not_found', message: 'No such citizen account' }]);
        }
      } else {
        const n = input.newAccount!;
        accountId = await this.createCitizenAccount(m, n.username, n.displayName, passwordHash!, 'body.newAccount.username');
      }
      if (accountId === person.accountId) {
        throw validationFailed([{ path: 'body.accountId', code: 'self_relation', message: 'A person cannot be their own relative' }]);
      }
      const exists = await m.countBy(PersonRelationEntity, { personId, accountId });
      if (exists) throw conflict('This account is already linked to the person.', [{ path: 'body.accountId', code: 'already_linked', message: 'Already linked' }]);
      const relation = await m.save(
        m.create(PersonRelationEntity, {
          personId,
          accountId,
          kind: input.kind,
          hasCustody: input.kind === 'guardian' ? input.hasCustody : false,
        }),
      );
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.relation.create', targetType: 'person', targetId: personId, details: { relationId: relation.id, accountId, kind: input.kind } },
        m,
      );
      linked = accountId;
      return (await this.load(m, [personId]))[0]!;
    });
    // A guardian with custody or a representative reaches the person's plans from now on.
    await this.accessEvents.accountChanged({ accountId: linked!, reason: 'account_changed' });
    return person;
  }

  async removeRelation(actor: Actor, personId: string, relationId: string): Promise<Person> {
    let unlinked: string | undefined;
    const person = await this.dataSource.transaction(async (m) => {
      const relation = await m.findOneBy(PersonRelationEntity, { id: relationId, personId });
      if (!relation) throw notFound();
      await m.delete(PersonRelationEntity, { id: relationId, personId });
      unlinked = relation.accountId;
      await this.audit.append(
        { actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.relation.delete', targetType: 'person', targetId: personId, details: { relationId } },
        m,
      );
      return (await this.load(m, [personId]))[0]!;
    });
    // Open pages and sockets of that account lose the person's plans now, not at the next check.
    await this.accessEvents.accountChanged({ accountId: unlinked!, reason: 'account_changed' });
    return person;
  }

  /** `path`: where the username was in the request, so that the form can say which field. */
  private async createCitizenAccount(m: EntityManager, username: string, displayName: string, passwordHash: string, path: string) {
    if (await m.countBy(AccountEntity, { username })) throw conflict('The username is taken.', [{ path, code: 'taken', message: 'The username is taken' }]);
    const account = await m.save(
      m.create(AccountEntity, { username, passwordHash, displayName, kind: 'citizen', title: null, systemRoles: [], disabled: false }),
    );
    return account.id;
  }
}

