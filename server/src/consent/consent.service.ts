import { Injectable } from '@nestjs/common';
import { type PlanChange, type RecordConsent, consentGiverProblem, guardFailures } from '@sip/shared';
import { consentInForceSql, isChildSql } from '../access/domain.sql';
import { PlanCommands } from '../access/plan-commands';
import type { Actor } from '../auth/actor';
import { notFound, validationFailed } from '../common/problem.exception';
import { recordTransition } from '../plans/plan-events';
import { assertGuards, transitionRefused } from '../plans/plan-guards';

const ACTIVE = consentInForceSql('consent');

/**
 * Consent (samtycke) is what lets information cross between kommun and region. Recording
 * one moves an initiated plan on; withdrawing the last one in force ends everyone's access
 * that depended on it at once and closes the plan.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly commands: PlanCommands,
  ) {}

  record(actor: Actor, planId: string, input: RecordConsent): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'record_consent' }, async ({ m, access: { facts }, audit, accessChanged }) => {
      const [plan] = await m.query(
        `SELECT p.trigger, p.initiating_organisation_id, p.person_id, ${isChildSql('pe.birth_date')} AS is_child
           FROM plan p JOIN person pe ON pe.id = p.person_id WHERE p.id = $1`,
        [planId],
      );
      const errors = [];
      const [{ known }] = await m.query('SELECT count(*)::int AS known FROM organisation WHERE id = ANY($1)', [input.scopeOrganisationIds]);
      if (known !== new Set(input.scopeOrganisationIds).size) errors.push({ path: 'body.scopeOrganisationIds', code: 'not_found', message: 'An organisation does not exist' });
      if (!input.scopeOrganisationIds.includes(plan.initiating_organisation_id)) {
        errors.push({ path: 'body.scopeOrganisationIds', code: 'initiator_missing', message: 'The consent must name the initiating organisation' });
      }
      const giverProblem = consentGiverProblem(plan.is_child, input.givenBy);
      if (giverProblem) {
        const message = giverProblem === 'child_needs_guardians' ? 'For a child, the guardians give consent' : 'An adult gives consent themselves or through a representative';
        errors.push({ path: 'body.givenBy', code: giverProblem, message });
      }
      if (errors.length) throw validationFailed(errors);
      if (plan.is_child && input.givenBy === 'guardians') {
        const custodial: { account_id: string }[] = await m.query(
          `SELECT account_id FROM person_relation WHERE person_id = $1 AND kind = 'guardian' AND has_custody`,
          [plan.person_id],
        );
        if (!custodial.length || custodial.some((g) => !input.guardianAccountIds.includes(g.account_id))) {
          throw transitionRefused('record_consent', ['consent_incomplete_guardians']);
        }
      }
      if (facts.planState === 'avslutad') throw transitionRefused('record_consent', ['plan_closed']);

      const [consent] = await m.query(
        `INSERT INTO consent (plan_id, given_by, guardian_account_ids, representative_name, form, documented_by,
                              scope_organisation_ids, scope_unit_ids, information_kinds, exclusions, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         RETURNING id, (${ACTIVE}) AS active`,
        [planId, input.givenBy, input.guardianAccountIds, input.representativeName ?? null, input.form, actor.accountId,
         input.scopeOrganisationIds, input.scopeUnitIds, input.informationKinds, input.exclusions ?? null, input.validFrom, input.validTo ?? null],
      );
      // The cause first: the event carries the first reason declared.
      accessChanged('consent_recorded');
      if (facts.planState === 'initierad' && consent.active) {
        assertGuards('record_consent', guardFailures('record_consent', { state: facts.planState, trigger: plan.trigger, consentActive: true }));
        await recordTransition(m, planId, 'initierad', 'samtycke', 'record_consent', actor.accountId, { consentId: consent.id });
        accessChanged('state_changed');
      }
      await audit('plan.consent.record', { type: 'consent', id: consent.id }, { givenBy: input.givenBy, form: input.form, organisations: input.scopeOrganisationIds.length });
      return { kind: 'consent', id: consent.id };
    });
  }

  withdraw(actor: Actor, planId: string, consentId: string, note?: string): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'withdraw_consent' }, async ({ m, access: { facts }, audit, accessChanged }) => {
      const updated = await m.query(
        `UPDATE consent SET withdrawn_at = now(), withdrawn_by = $3, withdrawal_note = $4
          WHERE id = $1 AND plan_id = $2 AND withdrawn_at IS NULL RETURNING id`,
        [consentId, planId, actor.accountId, note ?? null],
      );
      // TypeORM answers an UPDATE … RETURNING as [rows, affected].
      const rows = Array.isArray(updated[0]) ? updated[0] : updated;
      if (!rows.length) throw notFound();
      accessChanged('consent_withdrawn');
      await audit('plan.consent.withdraw', { type: 'consent', id: consentId }, { byStaff: actor.kind === 'staff' });
      const [{ remaining }] = await m.query(`SELECT count(*)::int AS remaining FROM consent WHERE plan_id = $1 AND ${ACTIVE}`, [planId]);
      if (remaining === 0 && facts.planState !== 'avslutad') {
        await m.query(`UPDATE plan SET closing_reason = 'consent_withdrawn', closing_note = $2 WHERE id = $1`, [planId, note ?? null]);
        await recordTransition(m, planId, facts.planState, 'avslutad', 'withdraw_consent', actor.accountId, { consentId });
        accessChanged('state_changed');
      }
      return { kind: 'consent', id: consentId };
    });
  }
}
