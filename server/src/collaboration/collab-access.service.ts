import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type SectionAccess, type SectionName, sectionAccess } from '@sip/shared';
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
    const plan = await this.access.access(actor, planId);
    if (!plan?.permissions.reach) return { read: false, write: false };
    const roles: { role: string; organisation_id: string | null }[] = await this.dataSource.query(
      `SELECT role, organisation_id FROM plan_participant WHERE plan_id = $1 AND account_id = $2 AND removed_at IS NULL`,
      [planId, actor.accountId],
    );
    return sectionAccess(
      {
        permissions: plan.permissions,
        organisationIds: roles.map((r) => r.organisation_id).filter((o): o is string => o !== null),
        isChairOrCoordinator: roles.some((r) => r.role === 'ordforande' || r.role === 'samordningsansvarig'),
      },
      section,
    );
  }
}
