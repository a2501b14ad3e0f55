import type * as Y from 'yjs';
import {
  type ClosingReason,
  DEFAULT_DISCHARGE_CALL_DAYS,
  type INFORMATION_KINDS,
  type PlanRole,
  type PlanTrigger,
  type SectionName,
  addStockholmDays,
  guardFailures,
  isChildOn,
  nextState,
  stockholmDate,
} from '@sip/shared';
import { planContentFacts } from '../plans/plan-content-facts';
import { recordTransition } from '../plans/plan-events';
import { freezePlanVersion } from '../plans/version-freeze';
import { writeSection } from './demo-content';
import { type CallInput, type HeldInput, type MeetingInput, acknowledgeCall, createMeeting, recordMeetingHeld, sendCall } from './demo-meetings';
import type { DemoWorld } from './demo-world';

/** Refuses an event the product would refuse, naming the plan and the reasons. */
export function assertAllowed(plan: DemoPlan, what: string, failures: readonly string[]): void {
  if (failures.length) throw new Error(`Demo seed: ${plan.label} cannot ${what}: ${failures.join(', ')}`);
}

export interface ConsentInput {
  givenBy: 'person' | 'guardians';
  /** Usernames of the guardians who consented (a child's plan: every one with custody). */
  guardians?: string[];
  form: 'written' | 'oral';
  /** Organisation keys of demo-data.ts. */
  organisations: string[];
  informationKinds: (typeof INFORMATION_KINDS)[number][];
  exclusions?: string;
  validFrom: string;
  validTo?: string;
}

/**
 * One demo plan, written event by event with the SQL of the product's services (each
 * method names the one it follows), through the product's shared rules: the state machine
 * and its guards, the access policy, recordTransition, the version freeze, the projection
 * and the audit log. Every event carries its own time.
 */
export class DemoPlan {
  private constructor(
    readonly world: DemoWorld,
    readonly id: string,
    readonly label: string,
    readonly trigger: PlanTrigger,
  ) {}

  /** PlanLifecycleService.initiate. */
  static async initiate(world: DemoWorld, at: Date, username: string, input: { person: string; unit: string; trigger: PlanTrigger; reason: string; dischargeReadyAt?: Date }): Promise<DemoPlan> {
    await world.timeline.turn(at);
    const { m, directory } = world;
    const actor = directory.actor(username);
    const unit = directory.unit(input.unit);
    if (!actor.systemRoles.includes('practitioner') || !actor.unitIds.includes(unit.id)) throw new Error(`Demo seed: ${username} cannot start a SIP from ${input.unit}`);
    const [person]: { id: string; name: string; account_id: string | null; birth_date: string }[] = await m.query(
      'SELECT id, name, account_id, birth_date FROM person WHERE id = $1',
      [directory.person(input.person).id],
    );
    let dueAt: Date | null = null;
    if (input.dischargeReadyAt) {
      const [setting]: { discharge_call_days: number }[] = await m.query(
        'SELECT discharge_call_days FROM county_setting s JOIN organisation o ON o.county_code = s.county_code WHERE o.id = $1',
        [unit.organisationId],
      );
      dueAt = addStockholmDays(input.dischargeReadyAt, setting?.discharge_call_days ?? DEFAULT_DISCHARGE_CALL_DAYS);
    }
    const [plan]: { id: string }[] = await m.query(
      `INSERT INTO plan (person_id, state, trigger, reason, initiating_unit_id, initiating_organisation_id, initiated_by,
                         discharge_ready_at, discharge_call_due_at, created_at, updated_at)
       VALUES ($1, 'initierad', $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [person!.id, input.trigger, input.reason, unit.id, unit.organisationId, actor.accountId, input.dischargeReadyAt ?? null, dueAt, at],
    );
    const id = plan!.id;
    await m.query(
      `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by, added_at) VALUES ($1, 'initiativtagare', $2, $3, $4, $2, $5)`,
      [id, actor.accountId, unit.organisationId, unit.id, at],
    );
    await m.query(
      `INSERT INTO plan_participant (plan_id, role, account_id, external_name, added_by, added_at) VALUES ($1, 'huvudperson', $2, $3, $4, $5)`,
      [id, person!.account_id, person!.account_id ? null : person!.name, actor.accountId, at],
    );
    if (isChildOn(person!.birth_date, stockholmDate(at))) {
      await m.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, added_by, added_at)
         SELECT $1, 'vardnadshavare', r.account_id, $3, $4 FROM person_relation r WHERE r.person_id = $2 AND r.kind = 'guardian' AND r.has_custody`,
        [id, person!.id, actor.accountId, at],
      );
    }
    await recordTransition(m, id, null, 'initierad', 'initiate', actor.accountId, { trigger: input.trigger }, at);
    await world.audit(at, actor, id, 'plan.initiate', { type: 'plan', id }, { trigger: input.trigger });
    return new DemoPlan(world, id, `${input.person}'s plan`, input.trigger);
  }

  /** ConsentService.record. */
  async recordConsent(at: Date, username: string, input: ConsentInput): Promise<string> {
    const { actor, access } = await this.world.event(at, username, this.id, 'record consent', { capability: 'record_consent' });
    const { m, directory } = this.world;
    const organisations = input.organisations.map((k) => directory.organisation(k));
    const guardianIds = (input.guardians ?? []).map((u) => directory.actor(u).accountId);
    const [plan]: { initiating_organisation_id: string; is_child: boolean; custodial: string[] }[] = await m.query(
      `SELECT p.initiating_organisation_id, pe.birth_date > $2::date - interval '18 years' AS is_child,
              ARRAY(SELECT account_id FROM person_relation WHERE person_id = p.person_id AND kind = 'guardian' AND has_custody) AS custodial
         FROM plan p JOIN person pe ON pe.id = p.person_id WHERE p.id = $1`,
      [this.id, stockholmDate(at)],
    );
    assertAllowed(this, 'record consent', [
      ...(organisations.includes(plan!.initiating_organisation_id) ? [] : ['initiator_missing']),
      ...(plan!.is_child === (input.givenBy === 'guardians') ? [] : ['wrong_consent_giver']),
      ...(plan!.is_child && plan!.custodial.some((g) => !guardianIds.includes(g)) ? ['consent_incomplete_guardians'] : []),
    ]);
    const [consent]: { id: string }[] = await m.query(
      `INSERT INTO consent (plan_id, given_by, guardian_account_ids, form, documented_by, scope_organisation_ids, information_kinds,
                            exclusions, valid_from, valid_to, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [this.id, input.givenBy, guardianIds, input.form, actor.accountId, organisations, input.informationKinds, input.exclusions ?? null, input.validFrom, input.validTo ?? null, at],
    );
    const today = stockholmDate(at);
    const active = input.validFrom <= today && (!input.validTo || input.validTo >= today);
    if (access.facts.planState === 'initierad' && active) {
      assertAllowed(this, 'record consent', guardFailures('record_consent', { state: 'initierad', trigger: this.trigger, consentActive: true }));
      await recordTransition(m, this.id, 'initierad', 'samtycke', 'record_consent', actor.accountId, { consentId: consent!.id }, at);
    }
    await this.world.audit(at, actor, this.id, 'plan.consent.record', { type: 'consent', id: consent!.id }, { givenBy: input.givenBy, form: input.form, organisations: organisations.length });
    return consent!.id;
  }

  /** ParticipantsService.add, for a staff account. */
  async addParticipant(at: Date, username: string, role: Exclude<PlanRole, 'huvudperson' | 'narstaende' | 'vardnadshavare'>, staff: string): Promise<string> {
    const { actor } = await this.world.event(at, username, this.id, `add ${staff} as ${role}`, { capability: 'manage_participants' });
    const account = this.world.directory.actor(staff);
    const [unitId] = account.unitIds;
    if (!unitId || account.kind !== 'staff') throw new Error(`Demo seed: ${staff} is not staff with a unit`);
    const [{ organisation_id: organisationId }] = await this.world.m.query('SELECT organisation_id FROM unit WHERE id = $1', [unitId]);
    const [row]: { id: string }[] = await this.world.m.query(
      `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [this.id, role, account.accountId, organisationId, unitId, actor.accountId, at],
    );
    await this.world.audit(at, actor, this.id, 'plan.participant.add', { type: 'participant', id: row!.id }, { role, accountId: account.accountId });
    return row!.id;
  }

  /** ParticipantsService.allowRelative: the person lets a registered relative in. */
  async allowRelative(at: Date, username: string, relative: string): Promise<string> {
    const { actor } = await this.world.event(at, username, this.id, `allow ${relative}`, { capability: 'manage_relatives' });
    const accountId = this.world.directory.actor(relative).accountId;
    const [known] = await this.world.m.query(
      `SELECT 1 FROM plan p JOIN person_relation r ON r.person_id = p.person_id WHERE p.id = $1 AND r.account_id = $2 AND r.kind = 'relative'`,
      [this.id, accountId],
    );
    if (!known) throw new Error(`Demo seed: ${relative} is not a relative in ${this.label}`);
    const [row]: { id: string }[] = await this.world.m.query(
      `INSERT INTO plan_participant (plan_id, role, account_id, added_by, added_at) VALUES ($1, 'narstaende', $2, $3, $4) RETURNING id`,
      [this.id, accountId, actor.accountId, at],
    );
    await this.world.audit(at, actor, this.id, 'plan.relative.allow', { type: 'participant', id: row!.id }, { accountId });
    return row!.id;
  }

  /** PlanLifecycleService.transition: the guards (finalising reads the projected rows), the freeze, the row. */
  async transition(at: Date, username: string, action: 'start_preparation' | 'finalise' | 'start_follow_up' | 'close', closing?: { reason: ClosingReason; note?: string }): Promise<void> {
    const { actor, access } = await this.world.event(at, username, this.id, action, { capability: 'manage_lifecycle' });
    const { m } = this.world;
    const from = access.facts.planState;
    const content = action === 'finalise' ? await planContentFacts(m, this.id) : undefined;
    assertAllowed(this, action, guardFailures(action, { state: from, trigger: this.trigger, consentActive: access.facts.consent === 'active' }, { reason: closing?.reason, content }));
    const to = nextState(action, from);
    if (action === 'finalise') await freezePlanVersion(m, this.world.services.store, this.id, 'finalised', actor.accountId, at);
    if (closing) await m.query('UPDATE plan SET closing_reason = $2, closing_note = $3 WHERE id = $1', [this.id, closing.reason, closing.note ?? null]);
    await recordTransition(m, this.id, from, to, action, actor.accountId, { closingReason: closing?.reason }, at);
    await this.world.audit(at, actor, this.id, 'plan.transition', { type: 'plan', id: this.id }, { action, from, to });
  }

  /** PreparationService.updatePreparation. */
  async prepare(at: Date, username: string, input: { questions?: string[]; lead?: string; followUpDate?: string }): Promise<void> {
    const { actor } = await this.world.event(at, username, this.id, 'prepare', { capability: 'prepare' });
    const lead = input.lead === undefined ? undefined : this.world.directory.organisation(input.lead);
    await this.world.m.query(
      `UPDATE plan SET questions = coalesce($2::jsonb, questions),
              lead_organisation_id = coalesce($3::uuid, lead_organisation_id), follow_up_date = coalesce($4::date, follow_up_date), updated_at = $5
        WHERE id = $1`,
      [this.id, input.questions ? JSON.stringify(input.questions) : null, lead ?? null, input.followUpDate ?? null, at],
    );
    const changed = Object.keys(input).map((k) => (k === 'lead' ? 'leadOrganisationId' : k));
    await this.world.audit(at, actor, this.id, 'plan.preparation.update', { type: 'plan', id: this.id }, { changed });
  }

  /** PreparationService.updateChildView: staff decide that the child's view is not kept from the guardians. */
  async recordChildOpenness(at: Date, username: string): Promise<void> {
    const { actor } = await this.world.event(at, username, this.id, 'record the child’s view', { capability: 'record_child_view' });
    await this.world.m.query(`UPDATE plan SET child_secrecy = false, updated_at = $2 WHERE id = $1`, [this.id, at]);
    await this.world.audit(at, actor, this.id, 'plan.child_view.update', { type: 'plan', id: this.id }, { childSecrecy: false });
  }

  /** PlanDetailService.detail's audit row: someone opened the plan page. */
  async read(at: Date, username: string): Promise<void> {
    const { actor, access } = await this.world.event(at, username, this.id, 'read the plan');
    await this.world.audit(at, actor, this.id, 'plan.read', { type: 'plan', id: this.id }, { as: access.permissions.as });
  }

  /** Co-editing: one editing session in a section (see demo-content.ts). */
  write(at: Date, username: string, section: SectionName, edit: (doc: Y.Doc) => void): Promise<void> {
    return writeSection(this, at, username, section, edit);
  }

  sendCall(at: Date, username: string, input: CallInput) {
    return sendCall(this, at, username, input);
  }

  acknowledge(at: Date, username: string, callId: string) {
    return acknowledgeCall(this, at, username, callId);
  }

  createMeeting(at: Date, username: string, input: MeetingInput) {
    return createMeeting(this, at, username, input);
  }

  recordHeld(at: Date, username: string, meetingId: string, input: HeldInput) {
    return recordMeetingHeld(this, at, username, meetingId, input);
  }

  /** The participant row of an account (or of the person, who may have none) in this plan. */
  async participant(who: string | { role: 'huvudperson' }, role?: PlanRole): Promise<string> {
    const accountId = typeof who === 'string' ? this.world.directory.actor(who).accountId : null;
    const [row]: { id: string }[] = await this.world.m.query(
      `SELECT id FROM plan_participant WHERE plan_id = $1 AND removed_at IS NULL
          AND ($2::uuid IS NULL OR account_id = $2) AND ($3::text IS NULL OR role = $3) ORDER BY added_at, id LIMIT 1`,
      [this.id, accountId, typeof who === 'string' ? (role ?? null) : who.role],
    );
    if (!row) throw new Error(`Demo seed: no participant ${JSON.stringify(who)} in ${this.label}`);
    return row.id;
  }
}
