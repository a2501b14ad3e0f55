import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  NO_ACCESS,
  type PlanState,
  type SectionAccess,
  type SectionActor,
  type SectionName,
  mayComment,
  sectionAccess,
  sectionsOfPlan,
} from '@sip/shared';
import type { Actor } from '../auth/actor';
import { type PlanAccess, PlanAccessService } from './plan-access.service';
import { sectionFactsSql } from './plan-access.sql';

export interface PlaceInPlan {
  access: PlanAccess;
  sectionActor: SectionActor;
  planState: PlanState;
}

/**
 * Read and write access to a plan's sections (its co-edited documents), from the plan
 * policy, the section registry and the actor's place in the plan — fresh from the database
 * each time.
 */
@Injectable()
export class SectionAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
  ) {}

  async sectionAccess(actor: Actor, planId: string, section: SectionName): Promise<SectionAccess> {
    const place = await this.placeInPlan(actor, planId);
    return place ? sectionAccess(place.sectionActor, section) : NO_ACCESS;
  }

  /** As sectionAccess, and whether the actor reaches the plan at all. */
  async sectionAccessWithReach(actor: Actor, planId: string, section: SectionName): Promise<SectionAccess & { reach: boolean }> {
    const place = await this.placeInPlan(actor, planId);
    return place ? { ...sectionAccess(place.sectionActor, section), reach: true } : { ...NO_ACCESS, reach: false };
  }

  /** Read, write and comment access for several sections of one plan, with one look at the plan. */
  async sectionsAccess(actor: Actor, planId: string, sections: SectionName[]): Promise<Map<SectionName, SectionAccess & { comment: boolean }>> {
    const place = await this.placeInPlan(actor, planId);
    const out = new Map<SectionName, SectionAccess & { comment: boolean }>();
    for (const section of sections) {
      const access = place ? sectionAccess(place.sectionActor, section) : NO_ACCESS;
      out.set(section, { ...access, comment: place ? mayComment(access, place.planState) : false });
    }
    return out;
  }

  /** Every section the plan has (whoever asks; the caller has reached the plan). */
  async sectionsOf(planId: string, manager: EntityManager = this.dataSource.manager): Promise<SectionName[]> {
    const [row] = await manager.query(sectionFactsSql, [planId, null]);
    return row ? sectionsOfPlan(planFacts(row)) : [];
  }

  async placeInPlan(actor: Actor, planId: string, manager: EntityManager = this.dataSource.manager): Promise<PlaceInPlan | null> {
    const access = await this.access.access(actor, planId, manager);
    if (!access?.permissions.reach) return null;
    const [row] = await manager.query(sectionFactsSql, [planId, actor.accountId]);
    if (!row) return null;
    return {
      access,
      planState: access.facts.planState,
      sectionActor: {
        permissions: access.permissions,
        organisationIds: row.my_organisation_ids,
        isChairOrCoordinator: row.chair_or_coordinator,
        plan: planFacts(row),
      },
    };
  }
}

function planFacts(row: { is_child: boolean; closed: boolean; principal_organisation_ids: string[] }) {
  return { isChild: row.is_child, closed: row.closed, principalOrganisationIds: row.principal_organisation_ids };
}
