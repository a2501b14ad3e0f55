import { z } from 'zod';
import { COUNTY_CODE_LIST } from '../domain/directory';
import { REMINDER_RULE_IDS, type ReminderRule } from '../follow-up/reminder-rules';

/**
 * What a county (län) sets for itself: how many days after utskrivningsklar the call to a
 * discharge SIP is due, and when each reminder fires. More groups (the time shares of the
 * meeting's parts) join as further properties of both schemas below.
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

export const countyCodeParamSchema = z.object({ countyCode: z.enum(COUNTY_CODE_LIST) }).strict();

export const countySettingsSchema = z.object({
  countyCode: z.enum(COUNTY_CODE_LIST),
  dischargeCallDays: z.number().int(),
  reminderDays: reminderDaysSchema,
});
export type CountySettings = z.infer<typeof countySettingsSchema>;

/** The whole of a county's settings, as PUT replaces them. */
export const updateCountySettingsSchema = z
  .object({
    dischargeCallDays: z.number().int().min(DISCHARGE_CALL_DAYS_LIMITS.min).max(DISCHARGE_CALL_DAYS_LIMITS.max),
    reminderDays: reminderDaysSchema,
  })
  .strict();
export type UpdateCountySettings = z.infer<typeof updateCountySettingsSchema>;
