import type { ReminderRule } from '@sip/shared';

/**
 * The words of an e-mail. Reminders cross the same secrecy as the plan: no name, no
 * personnummer, no plan text — only that there is something to do, and where to look.
 */
export function reminderMail(count: number, link: string): { subject: string; text: string } {
  const sv = count === 1 ? 'Du har 1 SIP-uppgift som behöver åtgärdas.' : `Du har ${count} SIP-uppgifter som behöver åtgärdas.`;
  const en = count === 1 ? 'You have 1 SIP task that needs attention.' : `You have ${count} SIP tasks that need attention.`;
  return {
    subject: 'SIP: du har något att göra',
    text: `${sv}\nLogga in för att se vad: ${link}\n\n${en}\nSign in to see what: ${link}\n`,
  };
}

/** Where each kind of reminder leads (within the app). */
export function reminderLink(rule: ReminderRule, planId: string, detail: string | null): string {
  switch (rule) {
    case 'action_due_soon':
    case 'action_overdue':
      return `/plans/${planId}#actions-${detail ?? ''}`;
    case 'meeting_tomorrow':
      // Straight to "Förbered dig inför mötet".
      return detail ? `/plans/${planId}/meetings/${detail}/prepare` : `/plans/${planId}`;
    case 'call_unanswered':
    case 'discharge_call_due':
    case 'discharge_call_missed':
      return `/plans/${planId}#calls`;
    case 'consent_ending':
      return `/plans/${planId}#consent`;
    case 'follow_up_soon':
    case 'follow_up_missed':
      return `/plans/${planId}#follow-up`;
  }
}
