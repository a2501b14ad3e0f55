import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PlanState, type SectionAccess, type SectionActor, type SectionName, mayComment, sectionAccess } from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import type { Actor } from '../auth/actor';

/** A section's read/write access for an actor, computed fresh from the database each time. */
@Injectable()
export class CollabAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
  ) {}

  async sectionAccess(actor: Actor, planId: string, section: SectionName): Promise<SectionAccess> {
    const place = await this.placeInPlan(actor, planId);
    return place ? sectionAccess(place.sectionActor, section) : { read: false, write: false };
  }

  /** Read, write and comment access for several sections of one plan, with one look at the plan. */
  async sectionsAccess(actor: Actor, planId: string, sections: SectionName[]): Promise<Map<SectionName, SectionAccess & { comment: boolean }>> {
    const place = await this.placeInPlan(actor, planId);
    const out = new Map<SectionName, SectionAccess & { comment: boolean }>();
    for (const section of sections) {
      const access = place ? sectionAccess(place.sectionActor, section) : { read: false, write: false };
      out.set(section, { ...access, comment: place ? mayComment(access, place.planState) : false });
    }
    return out;
  }

  private async placeInPlan(actor: Actor, planId: string): Promise<{ sectionActor: SectionActor; planState: PlanState } | null> {
    const plan = await this.access.access(actor, planId);
    if (!plan?.permissions.reach) return null;
    const roles: { role: string; organisation_id: string | null }[] = await this.dataSource.query(
      `SELECT role, organisation_id FROM plan_participant WHERE plan_id = $1 AND account_id = $2 AND removed_at IS NULL`,
      [planId, actor.accountId],
    );
    return {
      planState: plan.facts.planState,
      sectionActor: {
        permissions: plan.permissions,
        organisationIds: roles.map((r) => r.organisation_id).filter((o): o is string => o !== null),
        isChairOrCoordinator: roles.some((r) => r.role === 'ordforande' || r.role === 'samordningsansvarig'),
      },
    };
  }
}
