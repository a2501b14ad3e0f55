// Over 350 lines on purpose: the plan API's contract, read as a whole by server and client.
/**
 * The plan's request and response schemas (the API's contract for plans, consent, calls,
 * meetings, participants). One file a little over our usual length on purpose: the plan's
 * detail schema is read as a whole by both sides; the word lists live apart
 * (plans/plan-vocabulary.ts) so that pages needing only them do not build these schemas.
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
import { followUpReviewSchema } from './follow-up';
import { personnummerSchema } from './directory';
import { isoDateSchema, nameSchema } from './common';
import {
  ATTENDANCE_MODES,
  CONSENT_FORMS,
  DEADLINE_STATUSES,
  INFORMATION_KINDS,
  MEETING_KINDS,
  PLAN_ROLES,
} from '../plans/plan-vocabulary';

const text = (max: number) => z.string().trim().min(1).max(max);
const dateTime = z.iso.datetime({ offset: true });

// ---- Requests ------------------------------------------------------------------

export const planPersonLookupSchema = z.object({ personnummer: personnummerSchema }).strict();

export const initiatePlanSchema = z
  .object({
    personId: z.uuid(),
    trigger: z.enum(PLAN_TRIGGERS),
    requestedBy: z.enum(REQUESTERS).optional(),
    reason: text(2000),
    initiatingUnitId: z.uuid(),
    /** For a discharge SIP: when the patient was declared utskrivningsklar. */
    dischargeReadyAt: dateTime.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.trigger === 'request' && !v.requestedBy) ctx.addIssue({ code: 'custom', path: ['requestedBy'], message: 'Say who requested the SIP', params: { reason: 'required' } });
    if (v.trigger !== 'request' && v.requestedBy) ctx.addIssue({ code: 'custom', path: ['requestedBy'], message: 'Only for a requested SIP' });
    if (v.trigger === 'discharge' && !v.dischargeReadyAt) ctx.addIssue({ code: 'custom', path: ['dischargeReadyAt'], message: 'Say when the patient was declared utskrivningsklar', params: { reason: 'required' } });
    if (v.trigger !== 'discharge' && v.dischargeReadyAt) ctx.addIssue({ code: 'custom', path: ['dischargeReadyAt'], message: 'Only for a discharge SIP' });
  });
export type InitiatePlan = z.infer<typeof initiatePlanSchema>;

export const recordConsentSchema = z
  .object({
    givenBy: z.enum(CONSENT_GIVERS),
    /** For a child: the guardians who consented (every guardian with custody must). */
    guardianAccountIds: z.array(z.uuid()).max(4).default([]),
    representativeName: text(200).optional(),
    form: z.enum(CONSENT_FORMS),
    scopeOrganisationIds: z.array(z.uuid()).min(1).max(20),
    scopeUnitIds: z.array(z.uuid()).max(50).default([]),
    informationKinds: z.array(z.enum(INFORMATION_KINDS)).min(1),
    /** What the person excluded from sharing, in their words. */
    exclusions: z.string().trim().max(2000).optional(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.optional(),
  })
  .strict()
  .refine((c) => !c.validTo || c.validTo >= c.validFrom, { path: ['validTo'], message: 'Ends before it starts', params: { reason: 'range_reversed' } })
  .refine((c) => c.givenBy !== 'representative' || c.representativeName, { path: ['representativeName'], message: 'Name the representative', params: { reason: 'required' } });
export type RecordConsent = z.infer<typeof recordConsentSchema>;

export const withdrawConsentSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict();

export const addParticipantSchema = z
  .object({
    role: z.enum(PLAN_ROLES).exclude(['huvudperson', 'narstaende', 'vardnadshavare']),
    accountId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    externalName: text(200).optional(),
    externalContact: text(200).optional(),
  })
  .strict()
  .refine((p) => (p.accountId === undefined) !== (p.externalName === undefined), {
    path: ['accountId'],
    message: 'Give either a staff account or the name of an external contact',
    params: { reason: 'account_or_external' },
  });
export type AddParticipant = z.infer<typeof addParticipantSchema>;

export const allowRelativeSchema = z.object({ accountId: z.uuid() }).strict();

export const preparationSchema = z
  .object({
    questions: z.array(text(500)).max(20),
    longTermGoal: z.string().trim().max(2000).nullable(),
    leadOrganisationId: z.uuid().nullable(),
    /** When the plan is followed up (set at the meeting). */
    followUpDate: isoDateSchema.nullable(),
  })
  .partial()
  .strict();
export type Preparation = z.infer<typeof preparationSchema>;

export const transitionSchema = z
  .object({
    action: z.enum(['start_preparation', 'finalise', 'start_follow_up', 'close', 'refuse_request']),
    closingReason: z.enum(CLOSING_REASONS).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TransitionRequest = z.infer<typeof transitionSchema>;

const meetingFields = {
  startsAt: dateTime,
  durationMinutes: z.number().int().min(5).max(600).default(90),
  location: text(300).optional(),
  videoLink: z.url({ protocol: /^https$/ }).max(500).optional(),
};

/** The place check runs even when another field of the meeting is wrong, so that a form hears everything at once. */
const placeCheckable = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

export const createMeetingSchema = z
  .object({ kind: z.enum(MEETING_KINDS), purpose: text(1000).optional(), ...meetingFields })
  .strict()
  .refine((m) => m.location || m.videoLink, { path: ['location'], message: 'Give a place or a video link', params: { reason: 'place_or_video' }, when: placeCheckable });
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

export const callRecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kallelse'), organisationId: z.uuid(), unitId: z.uuid() }).strict(),
  z.object({ kind: z.literal('inbjudan'), participantId: z.uuid() }).strict(),
]);

export const sendCallSchema = z
  .object({
    meeting: z
      .object({ kind: z.enum(['sip', 'uppfoljning']).default('sip'), ...meetingFields })
      .strict()
      .refine((m) => m.location || m.videoLink, { path: ['location'], message: 'Give a place or a video link', params: { reason: 'place_or_video' }, when: placeCheckable }),
    purpose: text(1000),
    recipients: z.array(callRecipientSchema).min(1).max(30),
  })
  .strict();
export type SendCall = z.infer<typeof sendCallSchema>;

export const recordMeetingHeldSchema = z
  .object({
    heldOn: isoDateSchema,
    chairParticipantId: z.uuid(),
    noteTakerParticipantId: z.uuid().optional(),
    attendance: z.array(z.object({ participantId: z.uuid(), mode: z.enum(ATTENDANCE_MODES) }).strict()).max(60),
    personTookPart: z.boolean(),
    relativesTookPart: z.boolean(),
    /** For a follow-up meeting: the review, action by action, and the next follow-up date. */
    review: followUpReviewSchema.optional(),
  })
  .strict()
  .refine((m) => !m.review || m.review.nextFollowUpDate > m.heldOn, { path: ['review', 'nextFollowUpDate'], message: 'The next follow-up comes after this one', params: { reason: 'not_after_held' } });
export type RecordMeetingHeld = z.infer<typeof recordMeetingHeldSchema>;

export const childViewSchema = z
  .object({
    childSecrecy: z.boolean(),
    reason: z.string().trim().max(2000).optional(),
    childView: z.string().trim().max(10000).nullable().optional(),
  })
  .strict()
  .refine((c) => !c.childSecrecy || c.reason, { path: ['reason'], message: 'Record why the child’s view is kept from the guardians', params: { reason: 'required' } });
export type ChildView = z.infer<typeof childViewSchema>;

export const planCallParamSchema = z.object({ id: z.uuid(), callId: z.uuid() });
export const planMeetingParamSchema = z.object({ id: z.uuid(), meetingId: z.uuid() });
export const planConsentParamSchema = z.object({ id: z.uuid(), consentId: z.uuid() });
export const planParticipantParamSchema = z.object({ id: z.uuid(), participantId: z.uuid() });

export const worklistQuerySchema = z
  .object({
    state: z.enum(PLAN_STATES).optional(),
    includeClosed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

// ---- Responses -----------------------------------------------------------------

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
  longTermGoal: z.string().nullable(),
  followUpDate: z.string().nullable(),
  questions: z.array(z.string()),
  childSecrecy: z.boolean(),
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
