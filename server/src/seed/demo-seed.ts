import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { parsePersonnummer } from '@sip/shared';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import type { AppConfig } from '../config/config';
import { PersonnummerVault } from '../directory/personnummer-vault';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PERSONS, DEMO_STAFF } from './demo-data';
import { seedDemoPlans } from './demo-plans';

/** True when the directory is empty (a fresh database). */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM account');
  return count === 0;
}

/**
 * Fills an empty database with the demo directory — three organisations, their units, ten
 * staff, five persons and their relatives and guardians, each creation audited as the
 * system's own — and then the demo plans (demo-plans.ts), whose history ends at `now`.
 */
export async function seedDemoData(dataSource: DataSource, config: AppConfig, now: Date = new Date()): Promise<void> {
  const vault = new PersonnummerVault(config);
  const audit = new AuditService(dataSource);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const system = { actorId: null, actorRole: 'system' } as const;

  await dataSource.transaction(async (m) => {
    const unitIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      const [{ id }] = await m.query(
        'INSERT INTO organisation (kind, name, county_code) VALUES ($1, $2, $3) RETURNING id',
        [org.kind, org.name, org.countyCode],
      );
      await audit.append({ ...system, action: 'directory.organisation.create', targetType: 'organisation', targetId: id, details: { name: org.name, seed: true } }, m);
      for (const unit of org.units) {
        const [u] = await m.query('INSERT INTO unit (organisation_id, name) VALUES ($1, $2) RETURNING id', [id, unit.name]);
        unitIds.set(unit.key, u.id);
        await audit.append({ ...system, action: 'directory.unit.create', targetType: 'unit', targetId: u.id, details: { name: unit.name, seed: true } }, m);
      }
    }
    for (const staff of DEMO_STAFF) {
      const [{ id }] = await m.query(
        `INSERT INTO account (username, password_hash, display_name, kind, title, system_roles, statistics_scope)
         VALUES ($1, $2, $3, 'staff', $4, $5, $6) RETURNING id`,
        [staff.username, passwordHash, staff.displayName, staff.title, staff.systemRoles, staff.statisticsScope ?? null],
      );
      for (const unit of staff.units) {
        await m.query('INSERT INTO account_unit (account_id, unit_id) VALUES ($1, $2)', [id, unitIds.get(unit)]);
      }
      await audit.append({ ...system, action: 'directory.staff.create', targetType: 'account', targetId: id, details: { username: staff.username, seed: true } }, m);
    }
    const citizen = async (username: string, displayName: string) => {
      const [{ id }] = await m.query(
        `INSERT INTO account (username, password_hash, display_name, kind) VALUES ($1, $2, $3, 'citizen') RETURNING id`,
        [username, passwordHash, displayName],
      );
      return id as string;
    };
    for (const person of DEMO_PERSONS) {
      const parsed = parsePersonnummer(person.personnummer);
      if (!parsed.ok) throw new Error(`Demo personnummer for ${person.name} is invalid (${parsed.error})`);
      const accountId = person.username ? await citizen(person.username, person.name) : null;
      const [{ id }] = await m.query(
        `INSERT INTO person (name, personnummer_enc, personnummer_hash, is_samordningsnummer, birth_date, sex, phone, address, account_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          person.name,
          vault.encrypt(parsed.value.canonical),
          vault.lookupHash(parsed.value.canonical),
          parsed.value.isSamordningsnummer,
          parsed.value.birthDate,
          parsed.value.legalSex,
          person.phone ?? null,
          person.address ?? null,
          accountId,
        ],
      );
      await audit.append({ ...system, action: 'directory.person.create', targetType: 'person', targetId: id, details: { seed: true } }, m);
      for (const relation of person.relations) {
        const relativeId = await citizen(relation.username, relation.displayName);
        await m.query(
          'INSERT INTO person_relation (person_id, account_id, kind, has_custody) VALUES ($1, $2, $3, $4)',
          [id, relativeId, relation.kind, relation.hasCustody ?? false],
        );
        await audit.append({ ...system, action: 'directory.relation.create', targetType: 'person', targetId: id, details: { kind: relation.kind, seed: true } }, m);
      }
    }
    // In the same transaction: should the plans fail, the database stays empty and the next
    // start seeds it again, rather than leaving a directory without plans for good.
    await seedDemoPlans(dataSource, m, now);
  });
}

/** Fills an empty database with the demo data; true when it did. */
export async function seedIfEmpty(databaseUrl: string, config: AppConfig, log: (message: string) => void = () => {}): Promise<boolean> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    if (!(await isDatabaseEmpty(dataSource))) return false;
    await seedDemoData(dataSource, config);
    log('Seeded demo data');
    return true;
  } finally {
    await dataSource.destroy();
  }
}
