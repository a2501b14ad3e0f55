import { Injectable } from '@nestjs/common';
import { type ChildView, type PlanChange, type Preparation, isChildOn } from '@sip/shared';
import { PlanCommands } from '../access/plan-commands';
import type { Actor } from '../auth/actor';
import { ProblemException, validationFailed } from '../common/problem.exception';
import { Clock } from '../jobs/clock';

/**
 * Preparing the meeting (frågeställningar, huvudansvarig, follow-up date) and whether the
 * child's own view is kept from the guardians. The long-term goal and the child's view are
 * written in their sections of the plan, once; the projection keeps their text on the plan.
 */
@Injectable()
export class PreparationService {
  constructor(
    private readonly commands: PlanCommands,
    private readonly clock: Clock,
  ) {}

  updatePreparation(actor: Actor, planId: string, input: Preparation): Promise<PlanChange> {
    return this.commands.run(actor, planId, { capability: 'prepare' }, async ({ m, access, audit }) => {
      if (input.leadOrganisationId) {
        const [org]: { kind: string }[] = await m.query('SELECT kind FROM organisation WHERE id = $1', [input.leadOrganisationId]);
        if (!org || org.kind === 'other') {
          throw validationFailed([{ path: 'body.leadOrganisationId', code: 'not_a_principal', message: 'The principal with overall responsibility is a kommun or a region' }]);
        }
      }
      await m.query(
        `UPDATE plan SET questions = coalesce($2::jsonb, questions),
                lead_organisation_id = CASE WHEN $3 THEN $4::uuid ELSE lead_organisation_id END,
                follow_up_date = CASE WHEN $5 THEN $6::date ELSE follow_up_date END,
                updated_at = now()
          WHERE id = $1`,
        [
          planId,
          input.questions ? JSON.stringify(input.questions) : null,
          input.leadOrganisationId !== undefined,
          input.leadOrganisationId ?? null,
          input.followUpDate !== undefined,
          input.followUpDate ?? null,
        ],
      );
      await audit('plan.preparation.update', { type: 'plan', id: planId }, { changed: Object.keys(input) });
      return { planId, state: access.facts.planState, changed: { kind: 'preparation', id: planId } };
    });
  }

  updateChildView(actor: Actor, planId: string, input: ChildView): Promise<PlanChange> {
    return this.commands.run(actor, planId, { capability: 'record_child_view' }, async ({ m, access, audit, accessChanged }) => {
      const [p]: { child_secrecy: boolean; birth_date: string }[] = await m.query(
        'SELECT p.child_secrecy, pe.birth_date FROM plan p JOIN person pe ON pe.id = p.person_id WHERE p.id = $1',
        [planId],
      );
      if (!isChildOn(p!.birth_date, this.clock.today())) {
        throw new ProblemException(400, 'validation_failed', { errors: [{ path: 'body', code: 'not_a_child', message: 'Only a child’s plan has a child’s own view' }] });
      }
      await m.query(
        `UPDATE plan SET child_secrecy = $2, child_secrecy_reason = $3, updated_at = now() WHERE id = $1`,
        [planId, input.childSecrecy, input.reason ?? null],
      );
      if (p!.child_secrecy !== input.childSecrecy) accessChanged('child_secrecy_changed');
      await audit('plan.child_view.update', { type: 'plan', id: planId }, { childSecrecy: input.childSecrecy });
      return { planId, state: access.facts.planState, changed: { kind: 'child_view', id: planId } };
    });
  }
}
