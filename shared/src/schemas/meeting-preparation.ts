import { z } from 'zod';
import { CIRCLE_RELATIONS } from '../motescirkeln/circle-for';
import { circleQuestion } from '../motescirkeln/circles';
import { ANSWER_MAX_LENGTH } from '../motescirkeln/meeting-mode';
import { MEETING_PARTS, type MeetingPart, isMeetingPart } from '../motescirkeln/parts';
import { CIRCLE_VERSIONS, type CircleVersion, isCircleVersion } from '../motescirkeln/versions';
import { meetingSchema } from './plan-responses';

/**
 * Preparation for a meeting with Mötescirkeln: each participant's private answers, the
 * ones they share into the agenda, and who has prepared. Field errors carry a code
 * (`unknown_version`, `answer_too_long`, …) with a message in both languages
 * (i18n/field-messages.ts).
 */

/** A string that must be one of `ids`; anything else is a field error with `reason`. */
const oneOf = <T extends string>(ids: readonly T[], guard: (v: unknown) => v is T, reason: string, message: string) =>
  z
    .string()
    .max(40)
    .refine((v) => guard(v), { message, params: { reason } })
    .transform((v) => v as T);

export const circleVersionIdSchema = oneOf<CircleVersion>(CIRCLE_VERSIONS, isCircleVersion, 'unknown_version', 'No such version of the circle');
export const meetingPartIdSchema = oneOf<MeetingPart>(MEETING_PARTS, isMeetingPart, 'unknown_part', 'No such part of the meeting');

/** Text up to `max` characters; longer is the field error `reason`. */
export const limitedText = (max: number, reason: string) =>
  z.string().refine((v) => v.length <= max, { message: `At most ${max} characters`, params: { reason } });

/** Saves (or, with empty text, removes) one's own answer to one question of a circle. */
export const preparationAnswerSchema = z
  .object({
    version: circleVersionIdSchema,
    part: meetingPartIdSchema,
    questionKey: z.string().min(1).max(60),
    text: limitedText(ANSWER_MAX_LENGTH, 'answer_too_long'),
    /** "Dela inför mötet": the answer appears in the meeting's agenda. Unchanged when left out. */
    shared: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (isCircleVersion(v.version) && isMeetingPart(v.part) && !circleQuestion(v.version, v.part, v.questionKey)) {
      ctx.addIssue({ code: 'custom', path: ['questionKey'], message: 'No such question in that part of the circle', params: { reason: 'unknown_question' } });
    }
  });
export type PreparationAnswerInput = z.infer<typeof preparationAnswerSchema>;

export const answerShareSchema = z.object({ shared: z.boolean() }).strict();
export type AnswerShare = z.infer<typeof answerShareSchema>;

/** The circle one prepares in; null goes back to the one derived from one's role. */
export const chooseVersionSchema = z.object({ version: circleVersionIdSchema.nullable() }).strict();

/** Staff set the meeting up: its chair and note-taker, and whether a young person prepares with the guardians. */
export const meetingSetupSchema = z
  .object({
    chairParticipantId: z.uuid().nullable(),
    noteTakerParticipantId: z.uuid().nullable(),
    childPreparesWithGuardians: z.boolean(),
  })
  .partial()
  .strict();
export type MeetingSetup = z.infer<typeof meetingSetupSchema>;

export const planMeetingAnswerParamSchema = z.object({ id: z.uuid(), meetingId: z.uuid(), answerId: z.uuid() });

// ---- Responses -----------------------------------------------------------------------

export const preparationAnswerSchemaOut = z.object({
  id: z.uuid(),
  version: z.enum(CIRCLE_VERSIONS),
  part: z.enum(MEETING_PARTS),
  questionKey: z.string(),
  text: z.string(),
  shared: z.boolean(),
  updatedAt: z.string(),
});
export type PreparationAnswer = z.infer<typeof preparationAnswerSchemaOut>;

export const plannedPartSchema = z.object({ part: z.enum(MEETING_PARTS), seconds: z.number().int(), offsetSeconds: z.number().int() });

export const meetingRightsSchema = z.object({
  follow: z.boolean(),
  prepare: z.boolean(),
  readAgenda: z.boolean(),
  seeWhoPrepared: z.boolean(),
  start: z.boolean(),
  evaluate: z.boolean(),
});

export const LIVE_STATUSES = ['not_started', 'running', 'ended'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/** One participant, with whether they have prepared — never what they wrote. */
export const preparedEntrySchema = z.object({
  participantId: z.uuid(),
  name: z.string(),
  role: z.string(),
  prepared: z.boolean(),
  sharedAnswers: z.number().int(),
});

/** The preparation page: the meeting, one's circle and one's own answers. */
export const myPreparationSchema = z.object({
  // The plan page's meeting, without what is recorded once it is held, and with how it prepares.
  meeting: meetingSchema
    .omit({ heldOn: true, personTookPart: true, relativesTookPart: true, attendance: true })
    .extend({ childPreparesWithGuardians: z.boolean(), live: z.enum(LIVE_STATUSES) }),
  personName: z.string(),
  personIsChild: z.boolean(),
  relation: z.enum(CIRCLE_RELATIONS),
  /** The circle one's role gives, and the one chosen (the same unless switched). */
  defaultVersion: z.enum(CIRCLE_VERSIONS),
  version: z.enum(CIRCLE_VERSIONS),
  parts: z.array(plannedPartSchema),
  answers: z.array(preparationAnswerSchemaOut),
  rights: meetingRightsSchema,
  /** Participants who may chair or take notes (staff setting the meeting up). */
  participants: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string(), mayChair: z.boolean() })).optional(),
  prepared: z.array(preparedEntrySchema).optional(),
});
export type MyPreparation = z.infer<typeof myPreparationSchema>;

export const AGENDA_AUTHOR_RELATIONS = ['person', 'guardian', 'representative', 'relative', 'staff'] as const;

/** An answer someone chose to share into the agenda. */
export const sharedAnswerSchema = z.object({
  id: z.uuid(),
  version: z.enum(CIRCLE_VERSIONS),
  part: z.enum(MEETING_PARTS),
  questionKey: z.string(),
  text: z.string(),
  authorName: z.string(),
  authorRelation: z.enum(AGENDA_AUTHOR_RELATIONS),
  mine: z.boolean(),
  sharedAt: z.string(),
});
export type SharedAnswer = z.infer<typeof sharedAnswerSchema>;

export const agendaActionSchema = z.object({
  what: z.string(),
  performer: z.string().nullable(),
  responsible: z.string().nullable(),
  when: z.string().nullable(),
  frequency: z.string().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
});

/** What the meeting works from: frågeställningar, shared answers, actions, notes, what part 5 needs. */
export const meetingAgendaSchema = z.object({
  questions: z.array(z.object({ key: z.string(), text: z.string(), done: z.boolean() })),
  answers: z.array(sharedAnswerSchema),
  actions: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), items: z.array(agendaActionSchema) })),
  notes: z.string().nullable(),
  closing: z.object({
    leadOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    followUpDate: z.string().nullable(),
    followUpMeetingBooked: z.boolean(),
    planDelivery: z.object({ kind: z.enum(['digital', 'copy']), how: z.string().nullable() }).nullable(),
    coordinators: z.array(z.object({ participantId: z.uuid(), name: z.string() })),
    personPreference: z.string().nullable(),
    personHasAccount: z.boolean(),
  }),
});
export type MeetingAgenda = z.infer<typeof meetingAgendaSchema>;
