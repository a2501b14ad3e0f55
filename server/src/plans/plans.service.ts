import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type ChildView,
  type ClosingReason,
  DEFAULT_DISCHARGE_CALL_DAYS,
  type InitiatePlan,
  NEXT_STEP,
  type ParsedPersonnummer,
  type PlanDetail,
  type PlanState,
  type Preparation,
  type TransitionRequest,
  type Worklist,
  type WorklistQuery,
  dischargeDeadlineStatus,
  guardFailures,
  maskPersonnummer,
  nextState,
  actionsOrganisationId,
  sectionAccess,
  sectionsOfPlan,
} from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { PlanCommands } from '../access/plan-commands';
import { SectionAccessService } from '../access/section-access.service';
import { ProjectionService } from '../collaboration/projection.service';
import { VersionsService } from './versions.service';
import { auditRole, type Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { ProblemException, notFound, validationFailed } from '../common/problem.exception';
import { PersonnummerVault } from '../directory/personnummer-vault';
import { recordTransition } from './plan-events';
import { assertGuards } from './plan-guards';
import {
  loadAccessLog,
  loadCalls,
  loadConsents,
  loadHistory,
  loadMeetings,
  loadParticipants,
  loadRelativeCandidates,
  readable,
} from './plan-reader';

function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}


@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly audit: AuditService,
    private readonly vault: PersonnummerVault,
    private readonly commands: PlanCommands,
    private readonly sections: SectionAccessService,
    private readonly projection: ProjectionService,
    private readonly versions: VersionsService,
  ) {}

  private auditEntry(actor: Actor) {
    return { actorId: actor.accountId, actorRole: auditRole(actor) };
  }

  /** A practitioner finds the person to start a SIP for; the number is matched by its keyed hash. */
  async lookupPerson(actor: Actor, personnummer: ParsedPersonnummer) {
    const [row] = await this.dataSource.query(
      'SELECT id, name, birth_date FROM person WHERE personnummer_hash = $1',
      [this.vault.lookupHash(personnummer.canonical)],
    );
    await this.audit.append({ ...this.auditEntry(actor), action: 'plan.person_lookup', targetType: 'person', targetId: row?.id ?? null, details: { found: Boolean(row) } });
    if (!row) throw notFound();
    return { id: row.id as string, name: row.name as string, birthDate: row.birth_date as string, age: ageOn(row.birth_date) };
  }

  async initiate(actor: Actor, input: InitiatePlan): Promise<PlanDetail> {
    if (!actor.unitIds.includes(input.initiatingUnitId)) {
      throw validationFailed([{ path: 'body.initiatingUnitId', code: 'not_your_unit', message: 'You can only start a SIP from a unit you belong to' }]);
    }
    const planId = await this.dataSource.transaction(async (m) => {
      const [person] = await m.query('SELECT id, name, account_id, birth_date FROM person WHERE id = $1', [input.personId]);
      if (!person) throw validationFailed([{ path: 'body.personId', code: 'not_found', message: 'No such person' }]);
      const [unit] = await m.query(
        `SELECT u.id, u.organisation_id, o.county_code FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
        [input.initiatingUnitId],
      );
      let dueAt: Date | null = null;
      if (input.dischargeReadyAt) {
        const [setting] = await m.query('SELECT discharge_call_days FROM county_setting WHERE county_code = $1', [unit.county_code]);
        const days = setting?.discharge_call_days ?? DEFAULT_DISCHARGE_CALL_DAYS;
        dueAt = new Date(new Date(input.dischargeReadyAt).getTime() + days * 24 * 3600_000);
      }
      const [plan] = await m.query(
        `INSERT INTO plan (person_id, state, trigger, requested_by, reason, initiating_unit_id, initiating_organisation_id,
                           initiated_by, discharge_ready_at, discharge_call_due_at)
         VALUES ($1, 'initierad', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [person.id, input.trigger, input.requestedBy ?? null, input.reason, unit.id, unit.organisation_id, actor.accountId, input.dischargeReadyAt ?? null, dueAt],
      );
      await m.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by)
         VALUES ($1, 'initiativtagare', $2, $3, $4, $2)`,
        [plan.id, actor.accountId, unit.organisation_id, unit.id],
      );
      await m.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, external_name, added_by) VALUES ($1, 'huvudperson', $2, $3, $4)`,
        [plan.id, person.account_id, person.account_id ? null : person.name, actor.accountId],
      );
      // For a child, the guardians with custody take part in the child's place.
      if (ageOn(person.birth_date) < 18) {
        await m.query(
          `INSERT INTO plan_participant (plan_id, role, account_id, added_by)
           SELECT $1, 'vardnadshavare', r.account_id, $3 FROM person_relation r
            WHERE r.person_id = $2 AND r.kind = 'guardian' AND r.has_custody`,
          [plan.id, person.id, actor.accountId],
        );
      }
      await recordTransition(m, plan.id, null, 'initierad', 'initiate', actor.accountId, { trigger: input.trigger });
      await this.audit.append({ ...this.auditEntry(actor), action: 'plan.initiate', targetType: 'plan', targetId: plan.id, planId: plan.id, details: { trigger: input.trigger } }, m);
      return plan.id as string;
    });
    return this.detail(actor, planId);
  }

  async worklist(actor: Actor, query: WorklistQuery): Promise<Worklist> {
    const reachable = this.access.reachableSql(actor);
    const n = reachable.params.length;
    // Order and page over plan columns alone; the person's name is joined for the page only.
    const rows = await this.dataSource.query(
      `WITH reachable AS (${reachable.sql}),
       page AS (
         SELECT p.id, p.person_id, p.state, p.trigger, p.next_meeting_at, p.discharge_call_due_at,
                p.first_call_at, p.updated_at, count(*) OVER () AS total
           FROM plan p
          WHERE p.id IN (SELECT id FROM reachable)
            AND ($${n + 1}::boolean OR p.state <> 'avslutad')
            AND ($${n + 2}::text IS NULL OR p.state = $${n + 2})
          ORDER BY (p.discharge_call_due_at IS NOT NULL AND p.first_call_at IS NULL) DESC,
                   p.next_meeting_at NULLS LAST, p.updated_at DESC, p.id
          LIMIT $${n + 3} OFFSET $${n + 4})
       SELECT page.*, pe.name, pe.birth_date FROM page JOIN person pe ON pe.id = page.person_id
        ORDER BY (page.discharge_call_due_at IS NOT NULL AND page.first_call_at IS NULL) DESC,
                 page.next_meeting_at NULLS LAST, page.updated_at DESC, page.id`,
      [...reachable.params, query.includeClosed ?? false, query.state ?? null, query.limit, query.offset],
    );
    const now = new Date();
    const items = rows.map((r: Record<string, never>) => {
      const dischargeStatus = dischargeDeadlineStatus(r.discharge_call_due_at, r.first_call_at, now);
      const meetingPassed = r.state === 'kallad' && r.next_meeting_at !== null && new Date(r.next_meeting_at) < now;
      return {
        id: r.id,
        personName: r.name,
        personBirthDate: r.birth_date,
        state: r.state,
        nextStep: NEXT_STEP[r.state as PlanState],
        trigger: r.trigger,
        nextMeetingAt: r.next_meeting_at ? new Date(r.next_meeting_at).toISOString() : null,
        dischargeStatus,
        dischargeDueAt: r.discharge_call_due_at ? new Date(r.discharge_call_due_at).toISOString() : null,
        overdue: dischargeStatus === 'missed' || meetingPassed,
        updatedAt: new Date(r.updated_at).toISOString(),
      };
    });
    if (items.length) {
      await this.audit.append({ ...this.auditEntry(actor), action: 'plan.read', targetType: 'worklist', details: { planIds: items.map((i: { id: string }) => i.id) } });
    }
    return { items, total: rows[0] ? Number(rows[0].total) : 0 };
  }

  async detail(actor: Actor, planId: string, manager?: EntityManager): Promise<PlanDetail> {
    const m = manager ?? this.dataSource.manager;
    const place = await this.sections.placeInPlan(actor, planId, m);
    if (!place) throw notFound();
    const { permissions, facts } = place.access;
    // Once consent has ended, staff keep only what their own principal wrote.
    const ownRecords = permissions.as === 'staff_own_records';
    const own = ownRecords ? actor.organisationIds : undefined;
    const [p] = await m.query(
      `SELECT p.*, pe.name AS person_name, pe.birth_date, pe.personnummer_enc,
              u.name AS unit_name, o.id AS org_id, o.name AS org_name, lo.name AS lead_name
         FROM plan p JOIN person pe ON pe.id = p.person_id
         JOIN unit u ON u.id = p.initiating_unit_id JOIN organisation o ON o.id = u.organisation_id
         LEFT JOIN organisation lo ON lo.id = p.lead_organisation_id
        WHERE p.id = $1`,
      [planId],
    );
    const [participants, consents, meetings, calls, history, relativeCandidates] = await Promise.all([
      readable(permissions, 'participants', () => loadParticipants(m, planId)),
      readable(permissions, 'consent', () => loadConsents(m, planId, own)),
      readable(permissions, 'meetings', () => loadMeetings(m, planId, own)),
      readable(permissions, 'calls', () => loadCalls(m, planId, undefined, own)),
      readable(permissions, 'history', () => loadHistory(m, planId)),
      permissions.can.manage_relatives ? loadRelativeCandidates(m, planId) : Promise.resolve(undefined),
    ]);
    const principals: { id: string; name: string }[] = await m.query('SELECT id, name FROM organisation WHERE id = ANY($1)', [place.sectionActor.plan.principalOrganisationIds]);
    const principalNames = new Map(principals.map((o) => [o.id, o.name]));
    if (!manager) {
      await this.audit.append({ ...this.auditEntry(actor), action: 'plan.read', targetType: 'plan', targetId: planId, planId, details: { as: permissions.as } });
    }
    const age = ageOn(p.birth_date);
    return {
      id: p.id,
      state: p.state,
      nextStep: NEXT_STEP[p.state as PlanState],
      trigger: p.trigger,
      requestedBy: p.requested_by,
      reason: ownRecords && !facts.inInitiatingOrganisation ? '' : p.reason,
      person: {
        id: p.person_id,
        name: p.person_name,
        birthDate: p.birth_date,
        age,
        isChild: age < 18,
        personnummerMasked: maskPersonnummer(this.vault.decrypt(p.personnummer_enc)),
      },
      initiatingUnit: { id: p.initiating_unit_id, name: p.unit_name, organisationId: p.org_id, organisationName: p.org_name },
      leadOrganisation: p.lead_organisation_id ? { id: p.lead_organisation_id, name: p.lead_name } : null,
      longTermGoal: ownRecords ? null : p.long_term_goal,
      followUpDate: p.follow_up_date,
      questions: ownRecords ? [] : p.questions,
      childSecrecy: p.child_secrecy,
      ...(permissions.read.child_view ? { childView: p.child_view } : {}),
      discharge: p.discharge_call_due_at
        ? {
            readyAt: new Date(p.discharge_ready_at).toISOString(),
            dueAt: new Date(p.discharge_call_due_at).toISOString(),
            status: dischargeDeadlineStatus(p.discharge_call_due_at, p.first_call_at),
          }
        : null,
      closing: p.closing_reason ? { reason: p.closing_reason, note: p.closing_note, at: new Date(p.closed_at).toISOString() } : null,
      consentState: facts.consent,
      participants,
      consents,
      meetings,
      calls,
      history,
      relativeCandidates,
      permissions,
      sections: sectionsOfPlan(place.sectionActor.plan)
        .map((name) => ({ name, ...sectionAccess(place.sectionActor, name) }))
        .filter((s) => s.read)
        .map(({ name, write }) => {
          const organisationId = actionsOrganisationId(name);
          return organisationId ? { name, write, organisationName: principalNames.get(organisationId) ?? '' } : { name, write };
        }),
      createdAt: new Date(p.created_at).toISOString(),
      updatedAt: new Date(p.updated_at).toISOString(),
    };
  }

  async transition(actor: Actor, planId: string, input: TransitionRequest): Promise<PlanDetail> {
    // Finalising reads the projected rows: bring them up to date with what is stored first.
    if (input.action === 'finalise') await this.projection.flushPlan(planId);
    await this.commands.run(actor, planId, { capability: 'manage_lifecycle' }, async ({ m, access: { facts }, audit, accessChanged }) => {
      const [plan] = await m.query('SELECT trigger FROM plan WHERE id = $1', [planId]);
      const action = input.action;
      const reason = action === 'close' ? input.closingReason : action === 'refuse_request' ? input.note : undefined;
      const content = action === 'finalise' ? await this.contentFacts(m, planId) : undefined;
      assertGuards(action, guardFailures(action, { state: facts.planState, trigger: plan.trigger, consentActive: facts.consent === 'active' }, { reason, content }));
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
    });
    return this.detail(actor, planId);
  }

  /** What finalising checks, read from the projected rows and the plan. */
  private async contentFacts(m: EntityManager, planId: string) {
    const [row] = await m.query(
      `SELECT (SELECT count(*)::int FROM plan_need WHERE plan_id = $1) AS needs,
              (SELECT count(*)::int FROM plan_other_measure WHERE plan_id = $1) AS others,
              (SELECT lead_organisation_id IS NOT NULL FROM plan WHERE id = $1) AS lead,
              (SELECT follow_up_date IS NOT NULL FROM plan WHERE id = $1) AS follow_up,
              EXISTS (SELECT 1 FROM plan_participant WHERE plan_id = $1 AND role = 'samordningsansvarig' AND removed_at IS NULL) AS coordinator,
              coalesce((SELECT array_agg(DISTINCT o.name) FROM plan_participant pp JOIN organisation o ON o.id = pp.organisation_id
                         WHERE pp.plan_id = $1 AND pp.removed_at IS NULL AND o.kind IN ('kommun', 'region')
                           AND NOT EXISTS (SELECT 1 FROM plan_action a WHERE a.plan_id = $1 AND a.organisation_id = o.id)), '{}') AS without_actions`,
      [planId],
    );
    return {
      needs: row.needs,
      principalsWithoutActions: row.without_actions,
      othersMeasures: row.others,
      leadPrincipal: row.lead,
      coordinator: row.coordinator,
      followUpDate: row.follow_up,
    };
  }

  async updatePreparation(actor: Actor, planId: string, input: Preparation): Promise<PlanDetail> {
    await this.commands.run(actor, planId, { capability: 'prepare' }, async ({ m, audit }) => {
      if (input.leadOrganisationId) {
        const [org] = await m.query('SELECT kind FROM organisation WHERE id = $1', [input.leadOrganisationId]);
        if (!org || org.kind === 'other') {
          throw validationFailed([{ path: 'body.leadOrganisationId', code: 'not_a_principal', message: 'The principal with overall responsibility is a kommun or a region' }]);
        }
      }
      await m.query(
        `UPDATE plan SET questions = coalesce($2::jsonb, questions),
                long_term_goal = CASE WHEN $3 THEN $4 ELSE long_term_goal END,
                lead_organisation_id = CASE WHEN $5 THEN $6::uuid ELSE lead_organisation_id END,
                follow_up_date = CASE WHEN $7 THEN $8::date ELSE follow_up_date END,
                updated_at = now()
          WHERE id = $1`,
        [
          planId,
          input.questions ? JSON.stringify(input.questions) : null,
          input.longTermGoal !== undefined,
          input.longTermGoal ?? null,
          input.leadOrganisationId !== undefined,
          input.leadOrganisationId ?? null,
          input.followUpDate !== undefined,
          input.followUpDate ?? null,
        ],
      );
      await audit('plan.preparation.update', { type: 'plan', id: planId }, { changed: Object.keys(input) });
    });
    return this.detail(actor, planId);
  }

  async updateChildView(actor: Actor, planId: string, input: ChildView): Promise<PlanDetail> {
    await this.commands.run(actor, planId, { capability: 'record_child_view' }, async ({ m, audit, accessChanged }) => {
      const [p] = await m.query('SELECT p.child_secrecy, pe.birth_date FROM plan p JOIN person pe ON pe.id = p.person_id WHERE p.id = $1', [planId]);
      if (ageOn(p.birth_date) >= 18) {
        throw new ProblemException(400, 'validation_failed', { errors: [{ path: 'body', code: 'not_a_child', message: 'Only a child’s plan has a child’s own view' }] });
      }
      await m.query(
        `UPDATE plan SET child_secrecy = $2, child_secrecy_reason = $3,
                child_view = CASE WHEN $4 THEN $5 ELSE child_view END, updated_at = now() WHERE id = $1`,
        [planId, input.childSecrecy, input.reason ?? null, input.childView !== undefined, input.childView ?? null],
      );
      if (p.child_secrecy !== input.childSecrecy) accessChanged('child_secrecy_changed');
      await audit('plan.child_view.update', { type: 'plan', id: planId }, { childSecrecy: input.childSecrecy });
    });
    return this.detail(actor, planId);
  }

  async accessLog(actor: Actor, planId: string) {
    await this.access.require(actor, planId, { section: 'access_log' });
    const log = await loadAccessLog(this.dataSource.manager, planId, actor.accountId);
    await this.audit.append({ ...this.auditEntry(actor), action: 'plan.read', targetType: 'plan', targetId: planId, planId, details: { section: 'access_log' } });
    return log;
  }

  /** Staff that practitioners may add to a plan: names, titles and units only. */
  async staffDirectory(organisationId?: string) {
    const rows = await this.dataSource.query(
      `SELECT a.id, a.display_name, a.title,
              json_agg(json_build_object('id', u.id, 'name', u.name, 'organisationId', o.id, 'organisationName', o.name) ORDER BY u.name) AS units
         FROM account a JOIN account_unit au ON au.account_id = a.id
         JOIN unit u ON u.id = au.unit_id JOIN organisation o ON o.id = u.organisation_id
        WHERE a.kind = 'staff' AND NOT a.disabled AND 'practitioner' = ANY(a.system_roles)
          AND ($1::uuid IS NULL OR o.id = $1)
        GROUP BY a.id ORDER BY a.display_name`,
      [organisationId ?? null],
    );
    return rows.map((r: Record<string, never>) => ({ id: r.id, name: r.display_name, title: r.title, units: r.units }));
  }
}

