import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type ClosingReason,
  DEFAULT_DISCHARGE_CALL_DAYS,
  type InitiatePlan,
  type PlanChange,
  type PlanTrigger,
  type TransitionRequest,
  addStockholmDays,
  guardFailures,
  isChildOn,
  nextState,
} from '@sip/shared';
import { PlanCommands } from '../access/plan-commands';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { ProjectionService } from '../collaboration/projection.service';
import { validationFailed } from '../common/problem.exception';
import { Clock } from '../jobs/clock';
import { planContentFacts } from './plan-content-facts';
import { recordTransition } from './plan-events';
import { assertGuards } from './plan-guards';
import { VersionsService } from './versions.service';

/** Starting a SIP, and moving it through its states (the state machine lives in shared). */
@Injectable()
export class PlanLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commands: PlanCommands,
    private readonly audit: AuditService,
    private readonly projection: ProjectionService,
    private readonly versions: VersionsService,
    private readonly clock: Clock,
  ) {}

  async initiate(actor: Actor, input: InitiatePlan): Promise<PlanChange> {
    if (!actor.unitIds.includes(input.initiatingUnitId)) {
      throw validationFailed([{ path: 'body.initiatingUnitId', code: 'not_your_unit', message: 'You can only start a SIP from a unit you belong to' }]);
    }
    const planId = await this.dataSource.transaction(async (m) => {
      const [person]: { id: string; name: string; account_id: string | null; birth_date: string }[] = await m.query(
        'SELECT id, name, account_id, birth_date FROM person WHERE id = $1',
        [input.personId],
      );
      if (!person) throw validationFailed([{ path: 'body.personId', code: 'not_found', message: 'No such person' }]);
      const [unit]: { id: string; organisation_id: string; county_code: string | null }[] = await m.query(
        `SELECT u.id, u.organisation_id, o.county_code FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
        [input.initiatingUnitId],
      );
      let dueAt: Date | null = null;
      if (input.dischargeReadyAt) {
        const [setting]: { discharge_call_days: number }[] = await m.query('SELECT discharge_call_days FROM county_setting WHERE county_code = $1', [unit!.county_code]);
        // Days in Stockholm's calendar: the same wall-clock time, across daylight saving.
        dueAt = addStockholmDays(input.dischargeReadyAt, setting?.discharge_call_days ?? DEFAULT_DISCHARGE_CALL_DAYS);
      }
      const [plan]: { id: string }[] = await m.query(
        `INSERT INTO plan (person_id, state, trigger, requested_by, reason, initiating_unit_id, initiating_organisation_id,
                           initiated_by, discharge_ready_at, discharge_call_due_at)
         VALUES ($1, 'initierad', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [person.id, input.trigger, input.requestedBy ?? null, input.reason, unit!.id, unit!.organisation_id, actor.accountId, input.dischargeReadyAt ?? null, dueAt],
      );
      await m.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by)
         VALUES ($1, 'initiativtagare', $2, $3, $4, $2)`,
        [plan!.id, actor.accountId, unit!.organisation_id, unit!.id],
      );
      await m.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, external_name, added_by) VALUES ($1, 'huvudperson', $2, $3, $4)`,
        [plan!.id, person.account_id, person.account_id ? null : person.name, actor.accountId],
      );
      // For a child, the guardians with custody take part in the child's place.
      if (isChildOn(person.birth_date, this.clock.today())) {
        await m.query(
          `INSERT INTO plan_participant (plan_id, role, account_id, added_by)
           SELECT $1, 'vardnadshavare', r.account_id, $3 FROM person_relation r
            WHERE r.person_id = $2 AND r.kind = 'guardian' AND r.has_custody`,
          [plan!.id, person.id, actor.accountId],
        );
      }
      await recordTransition(m, plan!.id, null, 'initierad', 'initiate', actor.accountId, { trigger: input.trigger });
      await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.initiate', targetType: 'plan', targetId: plan!.id, planId: plan!.id, details: { trigger: input.trigger } }, m);
      return plan!.id;
    });
    return { planId, state: 'initierad', changed: { kind: 'plan', id: planId } };
  }

  async transition(actor: Actor, planId: string, input: TransitionRequest): Promise<PlanChange> {
    // Finalising reads the projected rows: bring them up to date with what is stored first.
    if (input.action === 'finalise') await this.projection.flushPlan(planId);
    // Closing (or refusing a request) ends everyone's work in the plan: its own capability.
    const capability = input.action === 'close' || input.action === 'refuse_request' ? 'close_plan' : 'manage_lifecycle';
    return this.commands.run(actor, planId, { capability }, async ({ m, access: { facts }, audit, accessChanged }) => {
      const [plan]: { trigger: PlanTrigger }[] = await m.query('SELECT trigger FROM plan WHERE id = $1', [planId]);
      const action = input.action;
      const reason = action === 'close' ? input.closingReason : action === 'refuse_request' ? input.note : undefined;
      const note = input.note;
      const content = action === 'finalise' ? await planContentFacts(m, planId) : undefined;
      assertGuards(action, guardFailures(action, { state: facts.planState, trigger: plan!.trigger, consentActive: facts.consent === 'active' }, { reason, note, content }));
      const to = nextState(action, facts.planState);
      if (action === 'finalise') await this.versions.freeze(m, planId, 'finalised', actor.accountId);
      if (action === 'close' || action === 'refuse_request') {
        const closingReason: ClosingReason = action === 'close' ? input.closingReason! : 'request_refused';
        await m.query('UPDATE plan SET closing_reason = $2, closing_note = $3 WHERE id = $1', [planId, closingReason, input.note ?? null]);
      }
      await recordTransition(m, planId, facts.planState, to, action, actor.accountId, { closingReason: input.closingReason });
      // A closed plan is read-only for everyone.
      if (to !== facts.planState) accessChanged('state_changed');
      await audit('plan.transition', { type: 'plan', id: planId }, { action, from: facts.planState, to });
      return { planId, state: to, changed: { kind: 'plan', id: planId } };
    });
  }
}
