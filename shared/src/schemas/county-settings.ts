import { z } from 'zod';
import { COUNTY_CODE_LIST } from '../domain/directory';
import { REMINDER_RULE_IDS, type ReminderRule } from '../follow-up/reminder-rules';
import { MEETING_PARTS, type MeetingPart, PART_SHARE_LIMITS, type PartShares, sharesProblem } from '../motescirkeln/parts';

/**
 * What a county (län) sets for itself: how many days after utskrivningsklar the call to a
 * discharge SIP is due, when each reminder fires, and each meeting part's share of the time.
 * One place to read and change them all (`/api/county-settings/:countyCode`); a further
 * concern joins as one more property of both schemas below.
 */

export const DISCHARGE_CALL_DAYS_LIMITS = { min: 1, max: 30 } as const;

/**
 * How far a county may move each reminder, in the rule's own unit (days, working days or
 * hours; see REMINDER_RULES). The maxima are the reminder scan's own windows
 * (server/src/follow-up/reminder-rules.sql.ts): it looks 60 days ahead for actions, 90 for
 * follow-ups and consents, 30 for meetings and 30 back for anything missed, so an offset
 * beyond them would silently never fire. A "before" reminder needs at least one unit of
 * warning; an "after" one may fire on the day itself.
 */
export const REMINDER_OFFSET_LIMITS: Record<ReminderRule, { min: number; max: number }> = {
  action_due_soon: { min: 1, max: 60 },
  action_overdue: { min: 0, max: 30 },
  follow_up_soon: { min: 1, max: 90 },
  follow_up_missed: { min: 0, max: 30 },
  call_unanswered: { min: 1, max: 20 },
  discharge_call_due: { min: 1, max: 168 },
  discharge_call_missed: { min: 0, max: 168 },
  consent_ending: { min: 1, max: 90 },
  meeting_tomorrow: { min: 1, max: 30 },
};

const offsetShape = Object.fromEntries(
  REMINDER_RULE_IDS.map((rule) => [rule, z.number().int().min(REMINDER_OFFSET_LIMITS[rule].min).max(REMINDER_OFFSET_LIMITS[rule].max).optional()]),
) as { [K in ReminderRule]: z.ZodOptional<z.ZodNumber> };

/** A county's own offsets; a rule left out runs on its default. */
export const reminderDaysSchema = z.object(offsetShape).strict();
export type ReminderDays = z.infer<typeof reminderDaysSchema>;

/**
 * A county's own shares of the meeting's time: each part whole per cents within
 * PART_SHARE_LIMITS, and together (shared/src/motescirkeln/parts.ts, sharesProblem) 100 in
 * all with behov the largest — said of the group as a whole.
 */
export const partSharesSchema = z
  .object(
    Object.fromEntries(MEETING_PARTS.map((part) => [part, z.number().int().min(PART_SHARE_LIMITS.min).max(PART_SHARE_LIMITS.max)])) as {
      [K in MeetingPart]: z.ZodNumber;
    },
  )
  .strict()
  .superRefine((v, ctx) => {
    // A part out of bounds is said beside that part; the group's rules only over valid parts.
    const problem = sharesProblem(v as PartShares);
    if (problem && problem !== 'share_out_of_range') ctx.addIssue({ code: 'custom', path: [], message: problem, params: { reason: problem } });
  });

export const countyCodeParamSchema = z.object({ countyCode: z.enum(COUNTY_CODE_LIST) }).strict();

export const countySettingsSchema = z.object({
  countyCode: z.enum(COUNTY_CODE_LIST),
  dischargeCallDays: z.number().int(),
  reminderDays: reminderDaysSchema,
  /** The shares meetings in the county run on: the county's own, or the defaults. */
  meetingPartShares: z.object(Object.fromEntries(MEETING_PARTS.map((part) => [part, z.number().int()])) as { [K in MeetingPart]: z.ZodNumber }),
  /** Whether the county has shares of its own (else meetingPartShares are the defaults). */
  meetingPartSharesCustom: z.boolean(),
});
export type CountySettings = z.infer<typeof countySettingsSchema>;

/** The whole of a county's settings, as PUT replaces them. */
export const updateCountySettingsSchema = z
  .object({
    dischargeCallDays: z.number().int().min(DISCHARGE_CALL_DAYS_LIMITS.min).max(DISCHARGE_CALL_DAYS_LIMITS.max),
    reminderDays: reminderDaysSchema,
    /** The county's own shares; null or left out: the defaults. */
    meetingPartShares: partSharesSchema.nullable().optional(),
  })
  .strict();
export type UpdateCountySettings = z.infer<typeof updateCountySettingsSchema>;
