import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ActionStatus, ReviewItems } from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/problem.exception';

interface ActionRow {
  organisation_id: string;
  action_id: string;
  organisation_name: string;
  what: string;
  status: ActionStatus;
  due_date: string | null;
  need: string | null;
  goal: string | null;
}

/**
 * The items a follow-up meeting reviews, for the review form. Read from the projected rows —
 * the rows `actionsNotReviewed` checks the review against — so the form asks for exactly the
 * actions the server will require.
 */
@Injectable()
export class ReviewItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly audit: AuditService,
  ) {}

  async read(actor: Actor, planId: string): Promise<ReviewItems> {
    const { permissions } = await this.access.require(actor, planId, { capability: 'record_meeting' });
    // Plan content: not for a unit that has only been called, nor for staff keeping their own records.
    if (permissions.as === 'staff_called_unit' || permissions.as === 'staff_own_records') throw new ProblemException(403, 'forbidden');
    const actions: ActionRow[] = await this.dataSource.query(
      `SELECT a.organisation_id, a.action_id, o.name AS organisation_name, a.what, a.status, a.due_date::text AS due_date,
              n.text AS need, g.text AS goal
         FROM plan_action a JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN plan_need n ON n.plan_id = a.plan_id AND n.need_id = a.need_id
         LEFT JOIN plan_goal g ON g.plan_id = a.plan_id AND g.goal_id = a.goal_id
        WHERE a.plan_id = $1 AND a.removed_at IS NULL
        ORDER BY o.name, a.created_at, a.action_id`,
      [planId],
    );
    const needs: { id: string; text: string }[] = await this.dataSource.query(`SELECT need_id AS id, text FROM plan_need WHERE plan_id = $1 ORDER BY text`, [planId]);
    const goals: { id: string; text: string; term: 'long' | 'short' }[] = await this.dataSource.query(
      `SELECT goal_id AS id, text, term FROM plan_goal WHERE plan_id = $1 ORDER BY term, text`,
      [planId],
    );
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.read', targetType: 'plan', targetId: planId, planId, details: { section: 'follow_up_review' } });
    return {
      actions: actions.map((a) => ({
        key: `${a.organisation_id}:${a.action_id}`,
        organisationId: a.organisation_id,
        organisationName: a.organisation_name,
        what: a.what,
        status: a.status,
        dueDate: a.due_date,
        need: a.need,
        goal: a.goal,
      })),
      needs,
      goals,
    };
  }
}
