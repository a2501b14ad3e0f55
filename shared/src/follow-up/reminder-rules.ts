/**
 * Reminders, as data. Each rule says what it watches, when it fires (days before or after a
 * date; configurable per county), and who is reminded. The server's reminder scan turns each
 * rule into one query; a reminder fires once per occurrence and recipient, and only while
 * its cause stands (a closed plan, a withdrawn consent or a done item is never reminded).
 * Reminders carry no personal data or plan text: only that there is something to do, and a
 * link.
 */
export const REMINDER_RULES = {
  action_due_soon: {
    subject: 'action',
    fires: { before: 'due date', days: 7 },
    recipients: 'the responsible principal’s participants, and the person when the person performs it',
  },
  action_overdue: {
    subject: 'action',
    fires: { after: 'due date', days: 1 },
    recipients: 'the responsible principal’s participants, and the person when the person performs it',
  },
  follow_up_soon: {
    subject: 'plan',
    fires: { before: 'follow-up date', days: 14 },
    recipients: 'the samordningsansvarig and the huvudansvarig principal’s participants',
  },
  follow_up_missed: {
    subject: 'plan',
    fires: { after: 'follow-up date', days: 1 },
    recipients: 'the samordningsansvarig and the huvudansvarig principal’s participants',
  },
  call_unanswered: {
    subject: 'call',
    fires: { after: 'call sent', workingDays: 2 },
    recipients: 'the called unit',
  },
  discharge_call_due: {
    subject: 'plan',
    fires: { before: 'discharge call deadline', hours: 24 },
    recipients: 'the initiator',
  },
  discharge_call_missed: {
    subject: 'plan',
    fires: { after: 'discharge call deadline', hours: 0 },
    recipients: 'the initiator',
  },
  consent_ending: {
    subject: 'consent',
    fires: { before: 'consent’s last day', days: 14 },
    recipients: 'the initiator and the person',
  },
  meeting_tomorrow: {
    subject: 'meeting',
    fires: { before: 'meeting', days: 1 },
    recipients: 'every participant, with a link to their preparation',
  },
} as const;

export type ReminderRule = keyof typeof REMINDER_RULES;
export const REMINDER_RULE_IDS = Object.keys(REMINDER_RULES) as ReminderRule[];

/** The amount each rule counts in (days, working days or hours), as a county may set it. */
export function reminderOffset(rule: ReminderRule, countyOverrides: Partial<Record<ReminderRule, number>> = {}): number {
  const fires = REMINDER_RULES[rule].fires as { days?: number; workingDays?: number; hours?: number };
  return countyOverrides[rule] ?? fires.days ?? fires.workingDays ?? fires.hours ?? 0;
}
