import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type ConsentState,
  type PlanAccessFacts,
  type PlanCapability,
  type PlanPermissions,
  type PlanSection,
  type PlanState,
  planPermissions,
} from '@sip/shared';
import type { Actor } from '../auth/actor';
import { ProblemException, notFound } from '../common/problem.exception';
import { citizenReachablePlansSql, planAccessFactsSql, type ReachOptions, staffReachablePlansSql, staffWorkPlansSql } from './plan-access.sql';

export interface PlanAccess {
  planId: string;
  facts: PlanAccessFacts;
  permissions: PlanPermissions;
}

/**
 * Step two of access control for plans: may this actor touch this plan, and in what
 * capacity. Every plan route goes through `require`; a plan the actor cannot reach is
 * answered 404, so not even its existence leaks.
 */
@Injectable()
export class PlanAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private params(actor: Actor) {
    return [actor.accountId, actor.unitIds, actor.organisationIds];
  }

  async access(actor: Actor, planId: string, manager: EntityManager = this.dataSource.manager): Promise<PlanAccess | null> {
    const [row] = await manager.query(planAccessFactsSql, [...this.params(actor), planId]);
    if (!row) return null;
    const facts: PlanAccessFacts = {
      actorKind: actor.kind,
      systemRoles: actor.systemRoles,
      isPerson: row.is_person,
      isCustodialGuardian: row.is_custodial_guardian,
      isRepresentative: row.is_representative,
      isAllowedRelative: row.is_allowed_relative,
      isStaffParticipant: row.is_staff_participant,
      inInitiatingUnit: row.in_initiating_unit,
      inInitiatingOrganisation: row.in_initiating_organisation,
      inCalledUnit: row.in_called_unit,
      organisationCoveredByConsent: row.organisation_covered,
      consent: row.consent_state as ConsentState,
      planState: row.state as PlanState,
      childSecrecy: row.child_secrecy,
      isChairOrCoordinator: row.is_chair_or_coordinator,
      inLeadOrganisation: row.in_lead_organisation ?? false,
    };
    return { planId, facts, permissions: planPermissions(facts) };
  }

  /**
   * The actor's access to the plan, or a 404 when they cannot reach it and a 403 when
   * they reach it but lack the section or capability asked for.
   */
  async require(
    actor: Actor,
    planId: string,
    need: { section?: PlanSection; capability?: PlanCapability } = {},
    manager?: EntityManager,
  ): Promise<PlanAccess> {
    const access = await this.access(actor, planId, manager);
    if (!access?.permissions.reach) throw notFound();
    if (need.section && !access.permissions.read[need.section]) throw new ProblemException(403, 'forbidden');
    if (need.capability && !access.permissions.can[need.capability]) throw new ProblemException(403, 'forbidden');
    return access;
  }

  /**
   * SQL selecting every plan the actor reaches (`id`), with its parameters. `columns`
   * (", p.state, …", plan aliased `p`) adds plan columns to each row, so that a list reads
   * each plan once. `openOnly` lets a list that never shows closed plans skip them early (a
   * citizen's few plans are filtered by the list itself); `takesPart` adds `takes_part`, which
   * for a citizen is always false (a relative's participation is not a practitioner's).
   */
  reachableSql(actor: Actor, columns = '', options: ReachOptions = {}): { sql: string; params: unknown[] } {
    if (options.takesPart) columns = `${actor.kind === 'staff' && actor.systemRoles.includes('practitioner') ? '' : ', false AS takes_part'}${columns}`;
    if (actor.kind === 'citizen') return { sql: citizenReachablePlansSql(columns), params: [actor.accountId] };
    if (!actor.systemRoles.includes('practitioner')) return { sql: `SELECT p.id${columns} FROM plan p WHERE false`, params: [] };
    return { sql: staffReachablePlansSql(columns, options), params: this.params(actor) };
  }

  /** staffWorkPlansSql for a practitioner: the open plans whose work may be theirs ("Att göra"). */
  workPlansSql(actor: Actor): { sql: string; params: unknown[] } {
    if (actor.kind !== 'staff' || !actor.systemRoles.includes('practitioner')) throw new Error('Only practitioners have work in plans');
    return { sql: staffWorkPlansSql(), params: this.params(actor) };
  }
}
