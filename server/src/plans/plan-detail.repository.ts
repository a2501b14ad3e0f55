import type { EntityManager } from 'typeorm';
import { consentRecordStateSql } from '../access/domain.sql';
import {
  type AccessLogEntry,
  type Call,
  type ConsentRecord,
  type Meeting,
  type Participant,
  type PlanPermissions,
  type PlanState,
} from '@sip/shared';

/** Loads the parts of a plan that a viewer may read. Each function reads one table group. */
/**
 * SQL: the account in column `col` works in one of the organisations `$n` (uuid[]) — "written
 * by our own principal", for staff who keep only their own records once consent has ended.
 */
const byOwnOrganisation = (col: string, n: number) =>
  `EXISTS (SELECT 1 FROM account_unit au JOIN unit u ON u.id = au.unit_id WHERE au.account_id = ${col} AND u.organisation_id = ANY($${n}::uuid[]))`;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const isoDate = (v: Date | string | null) => (v === null ? null : typeof v === 'string' ? v : v.toISOString().slice(0, 10));

interface ParticipantRow {
  id: string;
  role: Participant['role'];
  account_id: string | null;
  name: string;
  title: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  external_contact: string | null;
  added_at: Date;
}

export async function loadParticipants(m: EntityManager, planId: string): Promise<Participant[]> {
  const rows: ParticipantRow[] = await m.query(
    `SELECT pp.id, pp.role, pp.account_id, coalesce(a.display_name, pp.external_name) AS name, a.title,
            pp.organisation_id, o.name AS organisation_name, pp.unit_id, u.name AS unit_name,
            pp.external_contact, pp.added_at
       FROM plan_participant pp
       LEFT JOIN account a ON a.id = pp.account_id
       LEFT JOIN organisation o ON o.id = pp.organisation_id
       LEFT JOIN unit u ON u.id = pp.unit_id
      WHERE pp.plan_id = $1 AND pp.removed_at IS NULL
      ORDER BY pp.added_at, pp.id`,
    [planId],
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    accountId: r.account_id,
    name: r.name,
    title: r.title,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    contact: r.external_contact,
    addedAt: iso(r.added_at)!,
  }));
}

/** `own`: only records of these organisations (staff keeping their own records); all when unset. */
interface ConsentRow {
  id: string;
  given_by: ConsentRecord['givenBy'];
  guardian_account_ids: string[];
  representative_name: string | null;
  form: ConsentRecord['form'];
  documented_by_name: string;
  scope_organisations: ConsentRecord['scopeOrganisations'];
  scope_unit_ids: string[];
  information_kinds: ConsentRecord['informationKinds'];
  exclusions: string | null;
  valid_from: string;
  valid_to: string | null;
  state: ConsentRecord['state'];
  withdrawn_at: Date | null;
  withdrawn_by_name: string | null;
  created_at: Date;
}

export async function loadConsents(m: EntityManager, planId: string, own?: readonly string[]): Promise<ConsentRecord[]> {
  const rows: ConsentRow[] = await m.query(
    `SELECT c.*, d.display_name AS documented_by_name, w.display_name AS withdrawn_by_name,
            (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name), '[]')
               FROM organisation o WHERE o.id = ANY(c.scope_organisation_ids)) AS scope_organisations,
            ${consentRecordStateSql('c')} AS state
       FROM consent c
       JOIN account d ON d.id = c.documented_by
       LEFT JOIN account w ON w.id = c.withdrawn_by
      WHERE c.plan_id = $1 AND ($2::uuid[] IS NULL OR ${byOwnOrganisation('c.documented_by', 2)}) ORDER BY c.created_at DESC`,
    [planId, own ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    givenBy: r.given_by,
    guardianAccountIds: r.guardian_account_ids,
    representativeName: r.representative_name,
    form: r.form,
    documentedByName: r.documented_by_name,
    scopeOrganisations: r.scope_organisations,
    scopeUnitIds: r.scope_unit_ids,
    informationKinds: r.information_kinds,
    exclusions: r.exclusions,
    validFrom: isoDate(r.valid_from)!,
    validTo: isoDate(r.valid_to),
    state: r.state,
    withdrawnAt: iso(r.withdrawn_at),
    withdrawnByName: r.withdrawn_by_name,
    createdAt: iso(r.created_at)!,
  }));
}

interface MeetingRow {
  id: string;
  kind: Meeting['kind'];
  status: Meeting['status'];
  starts_at: Date;
  duration_minutes: number;
  location: string | null;
  video_link: string | null;
  purpose: string | null;
  chair_participant_id: string | null;
  note_taker_participant_id: string | null;
  held_on: string | null;
  person_took_part: boolean | null;
  relatives_took_part: boolean | null;
  attendance: Meeting['attendance'];
}

export async function loadMeetings(m: EntityManager, planId: string, own?: readonly string[], meetingId?: string): Promise<Meeting[]> {
  const rows: MeetingRow[] = await m.query(
    `SELECT mt.*, coalesce((SELECT json_agg(json_build_object('participantId', ma.participant_id, 'mode', ma.mode))
                              FROM meeting_attendance ma WHERE ma.meeting_id = mt.id), '[]') AS attendance
       FROM meeting mt WHERE mt.plan_id = $1
        AND ($2::uuid[] IS NULL OR ${byOwnOrganisation('mt.created_by', 2)}
             OR EXISTS (SELECT 1 FROM plan_call pc WHERE pc.meeting_id = mt.id AND pc.organisation_id = ANY($2::uuid[])))
        AND ($3::uuid IS NULL OR mt.id = $3)
      ORDER BY mt.starts_at`,
    [planId, own ?? null, meetingId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    startsAt: iso(r.starts_at)!,
    durationMinutes: r.duration_minutes,
    location: r.location,
    videoLink: r.video_link,
    purpose: r.purpose,
    chairParticipantId: r.chair_participant_id,
    noteTakerParticipantId: r.note_taker_participant_id,
    heldOn: isoDate(r.held_on),
    personTookPart: r.person_took_part,
    relativesTookPart: r.relatives_took_part,
    attendance: r.attendance,
  }));
}

interface CallRow {
  id: string;
  meeting_id: string;
  kind: Call['kind'];
  recipient_name: string;
  organisation_id: string | null;
  unit_id: string | null;
  participant_id: string | null;
  purpose: string;
  long_term_goal: string | null;
  questions: string[];
  sent_at: Date;
  sent_by_name: string;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
}

export async function loadCalls(m: EntityManager, planId: string, callId?: string, own?: readonly string[]): Promise<Call[]> {
  const rows: CallRow[] = await m.query(
    `SELECT pc.*, s.display_name AS sent_by_name, k.display_name AS acknowledged_by_name,
            CASE WHEN pc.kind = 'kallelse' THEN o.name || ' – ' || u.name
                 ELSE coalesce(pa.display_name, pp.external_name) END AS recipient_name
       FROM plan_call pc
       JOIN account s ON s.id = pc.sent_by
       LEFT JOIN account k ON k.id = pc.acknowledged_by
       LEFT JOIN organisation o ON o.id = pc.organisation_id
       LEFT JOIN unit u ON u.id = pc.unit_id
       LEFT JOIN plan_participant pp ON pp.id = pc.participant_id
       LEFT JOIN account pa ON pa.id = pp.account_id
      WHERE pc.plan_id = $1 AND ($2::uuid IS NULL OR pc.id = $2)
        AND ($3::uuid[] IS NULL OR ${byOwnOrganisation('pc.sent_by', 3)} OR pc.organisation_id = ANY($3::uuid[]))
      ORDER BY pc.sent_at, pc.id`,
    [planId, callId ?? null, own ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    kind: r.kind,
    recipientName: r.recipient_name,
    organisationId: r.organisation_id,
    unitId: r.unit_id,
    participantId: r.participant_id,
    purpose: r.purpose,
    longTermGoal: r.long_term_goal,
    questions: r.questions,
    sentAt: iso(r.sent_at)!,
    sentByName: r.sent_by_name,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedByName: r.acknowledged_by_name,
  }));
}

interface TransitionRow {
  from_state: PlanState | null;
  to_state: PlanState;
  action: string;
  actor_name: string | null;
  at: Date;
}

export async function loadHistory(m: EntityManager, planId: string) {
  const rows: TransitionRow[] = await m.query(
    `SELECT t.from_state, t.to_state, t.action, a.display_name AS actor_name, t.at
       FROM plan_transition t LEFT JOIN account a ON a.id = t.actor_id
      WHERE t.plan_id = $1 ORDER BY t.id`,
    [planId],
  );
  return rows.map((r) => ({
    fromState: r.from_state,
    toState: r.to_state,
    action: r.action,
    actorName: r.actor_name,
    at: iso(r.at)!,
  }));
}

/** Who has opened the plan: the person's view of the audit log. */
interface AccessLogRow {
  at: Date;
  actor_id: string | null;
  display_name: string | null;
  action: string;
  organisation: string | null;
}

export async function loadAccessLog(m: EntityManager, planId: string, selfId: string): Promise<AccessLogEntry[]> {
  const rows: AccessLogRow[] = await m.query(
    `SELECT e.at, e.actor_id, a.display_name, e.action,
            (SELECT string_agg(DISTINCT o.name, ', ') FROM account_unit au
               JOIN unit u ON u.id = au.unit_id JOIN organisation o ON o.id = u.organisation_id
              WHERE au.account_id = e.actor_id) AS organisation
       FROM audit_event e LEFT JOIN account a ON a.id = e.actor_id
      WHERE e.plan_id = $1 AND e.action IN ('plan.read', 'plan.call.calendar', 'plan.version.read', 'plan.meeting.agenda.read')
      ORDER BY e.seq DESC LIMIT 200`,
    [planId],
  );
  return rows.map((r) => ({
    at: iso(r.at)!,
    who: r.actor_id === selfId ? 'self' : (r.display_name ?? 'unknown'),
    organisation: r.organisation,
    what: r.action,
  }));
}

interface RelativeCandidateRow {
  account_id: string;
  display_name: string;
  kind: string;
  allowed_participant_id: string | null;
}

export async function loadRelativeCandidates(m: EntityManager, planId: string) {
  const rows: RelativeCandidateRow[] = await m.query(
    `SELECT r.account_id, a.display_name, r.kind,
            (SELECT pp.id FROM plan_participant pp
              WHERE pp.plan_id = p.id AND pp.account_id = r.account_id AND pp.role = 'narstaende' AND pp.removed_at IS NULL) AS allowed_participant_id
       FROM plan p JOIN person_relation r ON r.person_id = p.person_id JOIN account a ON a.id = r.account_id
      WHERE p.id = $1 AND r.kind = 'relative' ORDER BY a.display_name`,
    [planId],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    name: r.display_name,
    kind: r.kind,
    allowedParticipantId: r.allowed_participant_id,
  }));
}

export function readable<T>(permissions: PlanPermissions, section: keyof PlanPermissions['read'], load: () => Promise<T>): Promise<T | undefined> {
  return permissions.read[section] ? load() : Promise.resolve(undefined);
}
