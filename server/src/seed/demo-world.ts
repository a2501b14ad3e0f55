import type { EntityManager } from 'typeorm';
import { type PlanCapability, type PlanSection } from '@sip/shared';
import type { PlanAccess, PlanAccessService } from '../access/plan-access.service';
import type { SectionAccessService } from '../access/section-access.service';
import { type Actor, auditRole } from '../auth/actor';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { DocumentStore } from '../collaboration/document-store';
import type { ProjectionService } from '../collaboration/projection.service';
import { DEMO_ORGANISATIONS } from './demo-data';
import type { DemoClock, Timeline } from './demo-timeline';

/** The product's own services the demo history is written through (built by hand: no Nest yet). */
export interface DemoServices {
  audit: AuditService;
  access: PlanAccessService;
  sections: SectionAccessService;
  projection: ProjectionService;
  store: DocumentStore;
}

/** The demo directory as stored: actors by username, units and organisations by key, persons by name. */
export class DemoDirectory {
  private constructor(
    private readonly actors: Map<string, Actor>,
    private readonly units: Map<string, { id: string; organisationId: string }>,
    private readonly organisations: Map<string, string>,
    private readonly persons: Map<string, { id: string; accountId: string | null }>,
  ) {}

  static async load(m: EntityManager): Promise<DemoDirectory> {
    // As a session loads its actor (SessionsService.loadActor), for every account at once.
    const accounts: { id: string; username: string; display_name: string; kind: Actor['kind']; system_roles: Actor['systemRoles']; unit_ids: string[]; organisation_ids: string[] }[] = await m.query(
      `SELECT a.id, a.username, a.display_name, a.kind, a.system_roles,
              coalesce(array_agg(u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS unit_ids,
              coalesce(array_agg(DISTINCT u.organisation_id) FILTER (WHERE u.id IS NOT NULL), '{}') AS organisation_ids
         FROM account a LEFT JOIN account_unit au ON au.account_id = a.id LEFT JOIN unit u ON u.id = au.unit_id
        GROUP BY a.id`,
    );
    const actors = new Map(accounts.map((a) => [a.username, { accountId: a.id, username: a.username, displayName: a.display_name, kind: a.kind, systemRoles: a.system_roles, unitIds: a.unit_ids, organisationIds: a.organisation_ids }]));
    const unitRows: { id: string; organisation_id: string; unit: string; organisation: string }[] = await m.query(
      'SELECT u.id, u.organisation_id, u.name AS unit, o.name AS organisation FROM unit u JOIN organisation o ON o.id = u.organisation_id',
    );
    const units = new Map<string, { id: string; organisationId: string }>();
    const organisations = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      for (const unit of org.units) {
        const row = unitRows.find((r) => r.organisation === org.name && r.unit === unit.name);
        if (!row) throw new Error(`Demo unit ${unit.key} is missing`);
        units.set(unit.key, { id: row.id, organisationId: row.organisation_id });
        organisations.set(org.key, row.organisation_id);
      }
    }
    const personRows: { id: string; name: string; account_id: string | null }[] = await m.query('SELECT id, name, account_id FROM person');
    const persons = new Map(personRows.map((p) => [p.name, { id: p.id, accountId: p.account_id }]));
    return new DemoDirectory(actors, units, organisations, persons);
  }

  actor(username: string): Actor {
    return found(this.actors.get(username), `account ${username}`);
  }

  unit(key: string): { id: string; organisationId: string } {
    return found(this.units.get(key), `unit ${key}`);
  }

  organisation(key: string): string {
    return found(this.organisations.get(key), `organisation ${key}`);
  }

  person(name: string): { id: string; accountId: string | null } {
    return found(this.persons.get(name), `person ${name}`);
  }
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo directory has no ${what}`);
  return value;
}

/** Everything a demo story writes with: one transaction, the services, the directory, time. */
export class DemoWorld {
  constructor(
    readonly m: EntityManager,
    readonly services: DemoServices,
    readonly directory: DemoDirectory,
    readonly timeline: Timeline,
    readonly clock: DemoClock,
  ) {}

  /**
   * Waits for the event's turn, then checks — with the product's own access service, as
   * each route does — that the actor may do this to the plan now.
   */
  async event(at: Date, username: string, planId: string, what: string, need: { section?: PlanSection; capability?: PlanCapability } = {}): Promise<{ actor: Actor; access: PlanAccess }> {
    await this.timeline.turn(at);
    const actor = this.directory.actor(username);
    const access = await this.services.access.access(actor, planId, this.m);
    const allowed = access?.permissions.reach && (!need.section || access.permissions.read[need.section]) && (!need.capability || access.permissions.can[need.capability]);
    if (!access || !allowed) throw new Error(`Demo seed: ${username} may not ${what} (plan ${planId}, as ${access?.permissions.as ?? 'nobody'})`);
    return { actor, access };
  }

  /** An audit row as the product writes it, at the event's time and marked as seeded. */
  audit(at: Date, actor: Actor, planId: string, action: AuditEntry['action'], target: { type: string; id: string }, details: Record<string, unknown> = {}): Promise<void> {
    return this.services.audit.append(
      { actorId: actor.accountId, actorRole: auditRole(actor), action, targetType: target.type, targetId: target.id, planId, details: { ...details, seed: true }, at },
      this.m,
    );
  }
}
