import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type MeetingAgenda, actionsOrganisationId, agendaKey, personAnswersHidden, sectionAccess, sectionsOfPlan } from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { SectionAccessService } from '../access/section-access.service';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound } from '../common/problem.exception';
import { Clock } from '../jobs/clock';
import { END_FACTS_SQL } from './live-state';
import { loadMeetingPlace } from './meeting-place';
import { sharedAnswers } from './preparation.repository';

interface ClosingRow {
  follow_up_date: string | null;
  lead_organisation_id: string | null;
  lead_name: string | null;
  plan_delivery: 'digital' | 'copy' | null;
  plan_delivery_how: string | null;
  follow_up_booked: boolean;
  person_account_id: string | null;
  questions: string[];
}

/**
 * What the meeting works from, for one reader: the frågeställningar with their ticks, the
 * answers shared into the agenda (a child's kept from whom the child's own view is kept
 * from), each principal's actions the reader may read, the note-taker's notes, and what
 * part 5 has decided. Read over REST — never pushed — so that each reader gets exactly
 * what the policy gives them; the socket only says that it changed.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly sections: SectionAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async agenda(actor: Actor, planId: string, meetingId: string): Promise<MeetingAgenda> {
    const m = this.dataSource.manager;
    const access = await this.access.require(actor, planId, { section: 'meetings' });
    const place = await loadMeetingPlace(m, actor, access, meetingId, this.clock.today());
    if (!place.rights.readAgenda) throw forbidden();
    const sectionPlace = await this.sections.placeInPlan(actor, planId, m);
    if (!sectionPlace) throw notFound();
    const [closing]: ClosingRow[] = await m.query(
      `SELECT ${END_FACTS_SQL}, lo.name AS lead_name, p.plan_delivery_how, pe.account_id AS person_account_id, p.questions
         FROM meeting mt JOIN plan p ON p.id = mt.plan_id JOIN person pe ON pe.id = p.person_id
         LEFT JOIN organisation lo ON lo.id = p.lead_organisation_id
        WHERE mt.id = $1`,
      [meetingId],
    );
    const hidePerson = personAnswersHidden(sectionPlace.sectionActor);
    const done = new Set(place.live?.agenda_done ?? []);
    const readableActions = sectionsOfPlan(sectionPlace.sectionActor.plan)
      .filter((name) => name.startsWith('actions:') && sectionAccess(sectionPlace.sectionActor, name).read)
      .map((name) => actionsOrganisationId(name)!);
    const [answers, actions, coordinators] = await Promise.all([
      sharedAnswers(m, meetingId, actor.accountId, hidePerson ? (closing!.person_account_id ?? null) : null),
      this.actions(m, planId, readableActions),
      m.query(
        `SELECT pp.id AS "participantId", a.display_name AS name FROM plan_participant pp JOIN account a ON a.id = pp.account_id
          WHERE pp.plan_id = $1 AND pp.role = 'samordningsansvarig' AND pp.removed_at IS NULL ORDER BY pp.added_at`,
        [planId],
      ) as Promise<{ participantId: string; name: string }[]>,
    ]);
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.meeting.agenda.read', targetType: 'meeting', targetId: meetingId, planId, details: { answers: answers.length } });
    return {
      questions: closing!.questions.map((text) => ({ key: agendaKey(text), text, done: done.has(agendaKey(text)) })),
      answers,
      actions,
      notes: place.live?.notes ?? null,
      closing: {
        leadOrganisation: closing!.lead_organisation_id ? { id: closing!.lead_organisation_id, name: closing!.lead_name ?? '' } : null,
        followUpDate: closing!.follow_up_date,
        followUpMeetingBooked: closing!.follow_up_booked,
        planDelivery: closing!.plan_delivery ? { kind: closing!.plan_delivery, how: closing!.plan_delivery_how } : null,
        coordinators,
        personPreference: place.live?.person_preference ?? null,
        personHasAccount: closing!.person_account_id !== null,
      },
    };
  }

  /** Who does what, principal by principal, from the projected rows (what finalising reads). */
  private async actions(m: EntityManager, planId: string, organisationIds: string[]): Promise<MeetingAgenda['actions']> {
    if (!organisationIds.length) return [];
    const rows: { organisation_id: string; organisation_name: string; items: MeetingAgenda['actions'][number]['items'] }[] = await m.query(
      `SELECT o.id AS organisation_id, o.name AS organisation_name,
              coalesce(json_agg(json_build_object(
                'what', a.what, 'performer', coalesce(u.name, a.performer), 'responsible', a.responsible_person,
                'when', a.when_text, 'frequency', a.frequency, 'startDate', a.start_date, 'dueDate', a.due_date, 'status', a.status)
                ORDER BY a.created_at, a.action_id) FILTER (WHERE a.action_id IS NOT NULL), '[]') AS items
         FROM organisation o
         LEFT JOIN plan_action a ON a.organisation_id = o.id AND a.plan_id = $1 AND a.removed_at IS NULL
         LEFT JOIN unit u ON u.id::text = a.performing_unit_id
        WHERE o.id = ANY($2::uuid[])
        GROUP BY o.id, o.name ORDER BY o.name`,
      [planId, organisationIds],
    );
    return rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.organisation_name, items: r.items }));
  }
}
