/**
 * The plan API's requests (plans, consent, calls, meetings, participants); what it answers is
 * in plan-responses.ts. The word lists live apart (plans/plan-vocabulary.ts) so that pages
 * needing only them do not build these schemas.
 */
import { z } from 'zod';
import { CLOSING_REASONS, PLAN_STATES, PLAN_TRIGGERS, REQUESTERS } from '../plans/plan-lifecycle';
import { CONSENT_GIVERS } from '../domain/consent-rules';
import { followUpReviewSchema } from './follow-up';
import { personnummerSchema } from './directory';
import { isoDateSchema } from './common';
import { ATTENDANCE_MODES, CONSENT_FORMS, INFORMATION_KINDS, MEETING_KINDS, PLAN_ROLES } from '../plans/plan-vocabulary';

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
    /** Frågeställningar: written here only; the kallelse, the agenda and the shared part show them. */
    questions: z.array(text(500)).max(20),
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
