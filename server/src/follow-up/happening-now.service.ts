import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { type ActionStatus, type HappeningNow, type PlanChange } from '@sip/shared';
import { arrayField } from '@sip/shared/yjs';
import { PlanAccessService } from '../access/plan-access.service';
import { PlanCommands } from '../access/plan-commands';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { CollaborationService } from '../collaboration/collaboration.service';
import { ProblemException, notFound } from '../common/problem.exception';

interface ActionRow {
  organisation_id: string;
  action_id: string;
  what: string;
  performer: string | null;
  unit_name: string | null;
  when_text: string | null;
  due_date: string | null;
  status: ActionStatus;
}

/**
 * "Det här händer nu" for the person (and, read-only, relatives): each action — what, who
 * does it, when, how it stands — the next follow-up and whom to contact. The person may
 * mark done the actions they perform themselves.
 */
@Injectable()
export class HappeningNowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly commands: PlanCommands,
    private readonly collaboration: CollaborationService,
    private readonly audit: AuditService,
  ) {}

  async read(actor: Actor, planId: string): Promise<HappeningNow> {
    const { permissions } = await this.access.require(actor, planId);
    // The actions are read by everyone who reads the plan's content (not a called unit, nor
    // staff keeping only their own records).
    if (permissions.as === 'staff_called_unit' || permissions.as === 'staff_own_records') throw new ProblemException(403, 'forbidden');
    const actions: ActionRow[] = await this.dataSource.query(
      `SELECT a.organisation_id, a.action_id, a.what, a.performer, u.name AS unit_name, a.when_text, a.due_date, a.status
         FROM plan_action a LEFT JOIN unit u ON u.id::text = a.performing_unit_id
        WHERE a.plan_id = $1 AND a.removed_at IS NULL
        ORDER BY a.status IN ('done','not_done'), a.due_date NULLS LAST, a.created_at, a.action_id`,
      [planId],
    );
    const [plan]: { follow_up_date: string | null; next_follow_up: Date | null }[] = await this.dataSource.query(
      `SELECT p.follow_up_date,
              (SELECT min(starts_at) FROM meeting WHERE plan_id = p.id AND kind = 'uppfoljning' AND status = 'planned') AS next_follow_up
         FROM plan p WHERE p.id = $1`,
      [planId],
    );
    const contacts: { name: string; role: string; organisation: string | null; contact: string | null }[] = await this.dataSource.query(
      `SELECT coalesce(a.display_name, pp.external_name) AS name, pp.role, o.name AS organisation, pp.external_contact AS contact
         FROM plan_participant pp LEFT JOIN account a ON a.id = pp.account_id LEFT JOIN organisation o ON o.id = pp.organisation_id
        WHERE pp.plan_id = $1 AND pp.removed_at IS NULL
          AND pp.role IN ('samordningsansvarig','ordforande','initiativtagare','kallad_personal','inbjuden')
        ORDER BY pp.role = 'samordningsansvarig' DESC, pp.added_at`,
      [planId],
    );
    const isPersonSide = permissions.as === 'person' || permissions.as === 'guardian' || permissions.as === 'representative';
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.read', targetType: 'plan', targetId: planId, planId, details: { section: 'happening_now' } });
    return {
      actions: actions.map((a) => ({
        organisationId: a.organisation_id,
        actionId: a.action_id,
        what: a.what,
        performer: a.performer === 'person' ? 'person' : (a.unit_name ?? a.performer),
        when: a.when_text,
        dueDate: a.due_date,
        status: a.status,
        mine: isPersonSide && a.performer === 'person',
      })),
      nextFollowUp: plan?.next_follow_up ? plan.next_follow_up.toISOString() : (plan?.follow_up_date ?? null),
      contacts,
    };
  }

  /** The person marks an action they perform themselves as done: written into the plan as theirs. */
  markDone(actor: Actor, planId: string, organisationId: string, actionId: string): Promise<PlanChange> {
    return this.commands.change(actor, planId, {}, async ({ access, audit }) => {
      const as = access.permissions.as;
      if (as !== 'person' && as !== 'guardian' && as !== 'representative') throw new ProblemException(403, 'forbidden');
      if (access.facts.planState === 'avslutad') throw new ProblemException(409, 'conflict', { detail: 'The plan is closed' });
      let found = false;
      let performer: unknown;
      await this.collaboration.serverEdit(planId, `actions:${organisationId}`, actor.accountId, (doc: Y.Doc) => {
        for (const item of arrayField(doc, 'actions')) {
          if (item.get('id') !== actionId) continue;
          found = true;
          performer = item.get('performer');
          if (performer === 'person' && item.get('status') !== 'done') item.set('status', 'done');
        }
      });
      if (!found) throw notFound();
      if (performer !== 'person') throw new ProblemException(403, 'forbidden');
      await audit('plan.action.done', { type: 'action', id: null }, { organisationId, actionId });
      return { kind: 'plan', id: planId };
    });
  }
}
