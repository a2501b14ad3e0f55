/**
 * What the plan API answers (plan detail, worklist, participants, consents, meetings, calls,
 * the change a write made). Requests are in plans.ts.
 */
import { z } from 'zod';
import {
  CLOSING_REASONS,
  PLAN_ACTIONS,
  PLAN_STATES,
  PLAN_TRIGGERS,
  REQUESTERS,
} from '../plans/plan-lifecycle';
import { CONSENT_STATES, PLAN_CAPABILITIES, PLAN_SECTIONS, PLAN_VIEWERS } from '../policy/plan-policy';
import { CONSENT_GIVERS } from '../domain/consent-rules';
import {
  ATTENDANCE_MODES,
  CONSENT_FORMS,
  DEADLINE_STATUSES,
  INFORMATION_KINDS,
  MEETING_KINDS,
  PLAN_ROLES,
} from '../plans/plan-vocabulary';


export const planPermissionsSchema = z.object({
  reach: z.boolean(),
  as: z.enum(PLAN_VIEWERS).nullable(),
  read: z.record(z.enum(PLAN_SECTIONS), z.boolean()),
  can: z.record(z.enum(PLAN_CAPABILITIES), z.boolean()),
});

export const participantSchema = z.object({
  id: z.uuid(),
  role: z.enum(PLAN_ROLES),
  accountId: z.uuid().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  contact: z.string().nullable(),
  addedAt: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

export const consentRecordSchema = z.object({
  id: z.uuid(),
  givenBy: z.enum(CONSENT_GIVERS),
  guardianAccountIds: z.array(z.uuid()),
  representativeName: z.string().nullable(),
  form: z.enum(CONSENT_FORMS),
  documentedByName: z.string(),
  scopeOrganisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  scopeUnitIds: z.array(z.uuid()),
  informationKinds: z.array(z.enum(INFORMATION_KINDS)),
  exclusions: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  state: z.enum(CONSENT_STATES),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const meetingSchema = z.object({
  id: z.uuid(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(['planned', 'held', 'cancelled']),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  purpose: z.string().nullable(),
  chairParticipantId: z.uuid().nullable(),
  noteTakerParticipantId: z.uuid().nullable(),
  heldOn: z.string().nullable(),
  personTookPart: z.boolean().nullable(),
  relativesTookPart: z.boolean().nullable(),
  attendance: z.array(z.object({ participantId: z.uuid(), mode: z.enum(ATTENDANCE_MODES) })),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const callSchema = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  kind: z.enum(['kallelse', 'inbjudan']),
  recipientName: z.string(),
  organisationId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  participantId: z.uuid().nullable(),
  purpose: z.string(),
  longTermGoal: z.string().nullable(),
  questions: z.array(z.string()),
  sentAt: z.string(),
  sentByName: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type Call = z.infer<typeof callSchema>;

export const transitionRecordSchema = z.object({
  fromState: z.enum(PLAN_STATES).nullable(),
  toState: z.enum(PLAN_STATES),
  action: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const accessLogEntrySchema = z.object({
  at: z.string(),
  who: z.string(),
  organisation: z.string().nullable(),
  what: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const relativeCandidateSchema = z.object({
  accountId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  allowedParticipantId: z.uuid().nullable(),
});

export const planDetailSchema = z.object({
  id: z.uuid(),
  state: z.enum(PLAN_STATES),
  nextStep: z.string(),
  trigger: z.enum(PLAN_TRIGGERS),
  requestedBy: z.enum(REQUESTERS).nullable(),
  reason: z.string(),
  person: z.object({
    id: z.uuid(),
    name: z.string(),
    birthDate: z.string(),
    age: z.number().int(),
    isChild: z.boolean(),
    personnummerMasked: z.string(),
  }),
  initiatingUnit: z.object({ id: z.uuid(), name: z.string(), organisationId: z.uuid(), organisationName: z.string() }),
  leadOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The long-term goal as the person's part holds it (plain text), written there only. */
  longTermGoal: z.string().nullable(),
  followUpDate: z.string().nullable(),
  questions: z.array(z.string()),
  childSecrecy: z.boolean(),
  /** The child's own view as the child's part holds it (plain text), for those who may read it. */
  childView: z.string().nullable().optional(),
  discharge: z.object({ readyAt: z.string(), dueAt: z.string(), status: z.enum(DEADLINE_STATUSES) }).nullable(),
  closing: z.object({ reason: z.enum(CLOSING_REASONS), note: z.string().nullable(), at: z.string() }).nullable(),
  consentState: z.enum(CONSENT_STATES),
  participants: z.array(participantSchema).optional(),
  consents: z.array(consentRecordSchema).optional(),
  meetings: z.array(meetingSchema).optional(),
  calls: z.array(callSchema).optional(),
  history: z.array(transitionRecordSchema).optional(),
  relativeCandidates: z.array(relativeCandidateSchema).optional(),
  permissions: planPermissionsSchema,
  /** The co-edited sections this reader may open, in reading order, and whether they may write. */
  sections: z.array(z.object({ name: z.string(), write: z.boolean(), organisationName: z.string().optional() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const worklistItemSchema = z.object({
  id: z.uuid(),
  personName: z.string(),
  personBirthDate: z.string(),
  state: z.enum(PLAN_STATES),
  nextStep: z.string(),
  trigger: z.enum(PLAN_TRIGGERS),
  nextMeetingAt: z.string().nullable(),
  dischargeStatus: z.enum(DEADLINE_STATUSES),
  dischargeDueAt: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;
export const worklistSchema = z.object({ items: z.array(worklistItemSchema), total: z.number().int() });
export type Worklist = z.infer<typeof worklistSchema>;

export const staffDirectoryEntrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), organisationId: z.uuid(), organisationName: z.string() })),
});
export type StaffDirectoryEntry = z.infer<typeof staffDirectoryEntrySchema>;

export const planActionSchema = z.enum(PLAN_ACTIONS);

/**
 * What a plan write answers: which plan, its state afterwards, and what was created or
 * changed. Not the whole plan — reading it is a read of its own (and audited as one).
 */
export const PLAN_CHANGE_KINDS = ['plan', 'consent', 'participant', 'meeting', 'call', 'preparation', 'child_view'] as const;
export const planChangeSchema = z.object({
  planId: z.uuid(),
  state: z.enum(PLAN_STATES),
  changed: z.object({ kind: z.enum(PLAN_CHANGE_KINDS), id: z.uuid().nullable() }),
});
export type PlanChange = z.infer<typeof planChangeSchema>;
