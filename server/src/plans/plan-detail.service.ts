import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type ClosingReason,
  NEXT_STEP,
  type PlanDetail,
  type Requester,
  type PlanState,
  type PlanTrigger,
  actionsOrganisationId,
  ageOn,
  dischargeDeadlineStatus,
  maskPersonnummer,
  sectionAccess,
  sectionsOfPlan,
} from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { SectionAccessService } from '../access/section-access.service';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/problem.exception';
import { PersonnummerVault } from '../directory/personnummer-vault';
import { Clock } from '../jobs/clock';
import {
  loadAccessLog,
  loadCalls,
  loadConsents,
  loadHistory,
  loadMeetings,
  loadParticipants,
  loadRelativeCandidates,
  readable,
} from './plan-detail.repository';

interface PlanRow {
  id: string;
  state: PlanState;
  trigger: PlanTrigger;
  requested_by: Requester | null;
  reason: string;
  person_id: string;
  person_name: string;
  birth_date: string;
  personnummer_enc: Buffer;
  initiating_unit_id: string;
  unit_name: string;
  org_id: string;
  org_name: string;
  lead_organisation_id: string | null;
  lead_name: string | null;
  long_term_goal: string | null;
  follow_up_date: string | null;
  questions: string[];
  child_secrecy: boolean;
  child_view: string | null;
  discharge_ready_at: Date | null;
  discharge_call_due_at: Date | null;
  first_call_at: Date | null;
  closing_reason: ClosingReason | null;
  closing_note: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The plan page: every part the reader may read, and what they may do — one audited read. */
@Injectable()
export class PlanDetailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly sections: SectionAccessService,
    private readonly audit: AuditService,
    private readonly vault: PersonnummerVault,
    private readonly clock: Clock,
  ) {}

  async detail(actor: Actor, planId: string): Promise<PlanDetail> {
    const m = this.dataSource.manager;
    const place = await this.sections.placeInPlan(actor, planId, m);
    if (!place) throw notFound();
    const { permissions, facts } = place.access;
    // Once consent has ended, staff keep only what their own principal wrote.
    const ownRecords = permissions.as === 'staff_own_records';
    const own = ownRecords ? actor.organisationIds : undefined;
    const [p]: PlanRow[] = await m.query(
      `SELECT p.id, p.state, p.trigger, p.requested_by, p.reason, p.person_id, pe.name AS person_name, pe.birth_date,
              pe.personnummer_enc, p.initiating_unit_id, u.name AS unit_name, o.id AS org_id, o.name AS org_name,
              p.lead_organisation_id, lo.name AS lead_name, p.long_term_goal, p.follow_up_date, p.questions,
              p.child_secrecy, p.child_view, p.discharge_ready_at, p.discharge_call_due_at, p.first_call_at,
              p.closing_reason, p.closing_note, p.closed_at, p.created_at, p.updated_at
         FROM plan p JOIN person pe ON pe.id = p.person_id
         JOIN unit u ON u.id = p.initiating_unit_id JOIN organisation o ON o.id = u.organisation_id
         LEFT JOIN organisation lo ON lo.id = p.lead_organisation_id
        WHERE p.id = $1`,
      [planId],
    );
    if (!p) throw notFound();
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
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.read', targetType: 'plan', targetId: planId, planId, details: { as: permissions.as } });
    const age = ageOn(p.birth_date, this.clock.today());
    return {
      id: p.id,
      state: p.state,
      nextStep: NEXT_STEP[p.state],
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
      leadOrganisation: p.lead_organisation_id ? { id: p.lead_organisation_id, name: p.lead_name ?? '' } : null,
      longTermGoal: ownRecords ? null : p.long_term_goal,
      followUpDate: p.follow_up_date,
      questions: ownRecords ? [] : p.questions,
      childSecrecy: p.child_secrecy,
      ...(permissions.read.child_view ? { childView: p.child_view } : {}),
      discharge:
        p.discharge_call_due_at && p.discharge_ready_at
          ? {
              readyAt: p.discharge_ready_at.toISOString(),
              dueAt: p.discharge_call_due_at.toISOString(),
              status: dischargeDeadlineStatus(p.discharge_call_due_at, p.first_call_at, this.clock.now()),
            }
          : null,
      closing: p.closing_reason && p.closed_at ? { reason: p.closing_reason, note: p.closing_note, at: p.closed_at.toISOString() } : null,
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
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
    };
  }

  /** Who has opened the plan: the person's side reads it. */
  async accessLog(actor: Actor, planId: string) {
    await this.access.require(actor, planId, { section: 'access_log' });
    const log = await loadAccessLog(this.dataSource.manager, planId, actor.accountId);
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.read', targetType: 'plan', targetId: planId, planId, details: { section: 'access_log' } });
    return log;
  }
}
