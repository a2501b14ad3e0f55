import { Injectable } from '@nestjs/common';
import type { AddParticipant, PlanChange } from '@sip/shared';
import { PlanCommands } from '../access/plan-commands';
import type { Actor } from '../auth/actor';
import { conflict, notFound, validationFailed } from '../common/problem.exception';

/** Who takes part in a plan: staff and external contacts (by staff), relatives (by the person). */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly commands: PlanCommands,
  ) {}

  add(actor: Actor, planId: string, input: AddParticipant): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'manage_participants' }, async ({ m, audit, accessChanged }) => {
      let organisationId = input.organisationId ?? null;
      let unitId = input.unitId ?? null;
      if (input.accountId) {
        const units: { unit_id: string; organisation_id: string }[] = await m.query(
          `SELECT au.unit_id, u.organisation_id FROM account a JOIN account_unit au ON au.account_id = a.id
             JOIN unit u ON u.id = au.unit_id WHERE a.id = $1 AND a.kind = 'staff' AND NOT a.disabled`,
          [input.accountId],
        );
        if (!units.length) throw validationFailed([{ path: 'body.accountId', code: 'not_staff', message: 'Not an active staff account with a unit' }]);
        const chosen = unitId ? units.find((u) => u.unit_id === unitId) : units[0];
        if (!chosen) throw validationFailed([{ path: 'body.unitId', code: 'not_member', message: 'The person does not belong to that unit' }]);
        unitId = chosen.unit_id;
        organisationId = chosen.organisation_id;
        const [exists] = await m.query(
          `SELECT 1 FROM plan_participant WHERE plan_id = $1 AND account_id = $2 AND role = $3 AND removed_at IS NULL`,
          [planId, input.accountId, input.role],
        );
        if (exists) throw conflict('Already taking part in this role.');
      }
      const [row] = await m.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, external_name, external_contact, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [planId, input.role, input.accountId ?? null, organisationId, unitId, input.externalName ?? null, input.externalContact ?? null, actor.accountId],
      );
      await audit('plan.participant.add', { type: 'participant', id: row.id }, { role: input.role, accountId: input.accountId ?? null });
      accessChanged('participant_added');
      return { kind: 'participant', id: row.id };
    });
  }

  remove(actor: Actor, planId: string, participantId: string): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'manage_participants' }, async ({ m, audit, accessChanged }) => {
      const result = await m.query(
        `UPDATE plan_participant SET removed_at = now(), removed_by = $3
          WHERE id = $1 AND plan_id = $2 AND removed_at IS NULL AND role NOT IN ('huvudperson', 'narstaende') RETURNING id`,
        [participantId, planId, actor.accountId],
      );
      if (!result[0].length) throw notFound();
      await audit('plan.participant.remove', { type: 'participant', id: participantId });
      accessChanged('participant_removed');
      return { kind: 'participant', id: participantId };
    });
  }

  /** The person (or a guardian, for a child) lets one of their relatives into the plan. */
  allowRelative(actor: Actor, planId: string, accountId: string): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'manage_relatives' }, async ({ m, audit, accessChanged }) => {
      const [relation] = await m.query(
        `SELECT 1 FROM plan p JOIN person_relation r ON r.person_id = p.person_id
          WHERE p.id = $1 AND r.account_id = $2 AND r.kind = 'relative'`,
        [planId, accountId],
      );
      if (!relation) throw validationFailed([{ path: 'body.accountId', code: 'not_a_relative', message: 'Not one of the person’s registered relatives' }]);
      const [existing] = await m.query(
        `SELECT id FROM plan_participant WHERE plan_id = $1 AND account_id = $2 AND role = 'narstaende' AND removed_at IS NULL`,
        [planId, accountId],
      );
      if (existing) return { kind: 'participant', id: existing.id };
      const [row] = await m.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, added_by) VALUES ($1, 'narstaende', $2, $3) RETURNING id`,
        [planId, accountId, actor.accountId],
      );
      await audit('plan.relative.allow', { type: 'participant', id: row.id }, { accountId });
      accessChanged('relative_allowed');
      return { kind: 'participant', id: row.id };
    });
  }

  /** Takes effect at once: the relative's next request is answered 404. */
  removeRelative(actor: Actor, planId: string, participantId: string): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'manage_relatives' }, async ({ m, audit, accessChanged }) => {
      const result = await m.query(
        `UPDATE plan_participant SET removed_at = now(), removed_by = $3
          WHERE id = $1 AND plan_id = $2 AND role = 'narstaende' AND removed_at IS NULL RETURNING id`,
        [participantId, planId, actor.accountId],
      );
      if (!result[0].length) throw notFound();
      await audit('plan.relative.remove', { type: 'participant', id: participantId });
      accessChanged('relative_removed');
      return { kind: 'participant', id: participantId };
    });
  }
}
