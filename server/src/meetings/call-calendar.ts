import { createEvent } from 'ics';
import type { Call } from '@sip/shared';

export interface CalendarMeeting {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoLink: string | null;
}

/**
 * The call as an iCalendar file. It names the meeting, its purpose, the long-term goal and
 * the frågeställningar, but not the person: a calendar entry travels beyond the access
 * policy (mail servers, phones), so it carries no personal identity.
 */
export function callToIcs(call: Call, meeting: CalendarMeeting, host: string): string {
  const description = [
    call.kind === 'kallelse' ? 'Kallelse till SIP-möte' : 'Inbjudan till SIP-möte',
    '',
    `Syfte: ${call.purpose}`,
    ...(call.longTermGoal ? [`Långsiktigt mål: ${call.longTermGoal}`] : []),
    ...(call.questions.length ? ['', 'Frågeställningar:', ...call.questions.map((q) => `- ${q}`)] : []),
    ...(meeting.videoLink ? ['', `Videolänk: ${meeting.videoLink}`] : []),
  ].join('\n');
  const { error, value } = createEvent({
    uid: `${call.id}@${host}`,
    title: call.kind === 'kallelse' ? 'SIP-möte (kallelse)' : 'SIP-möte (inbjudan)',
    description,
    start: meeting.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: meeting.durationMinutes },
    location: meeting.location ?? meeting.videoLink ?? undefined,
    ...(meeting.videoLink ? { url: meeting.videoLink } : {}),
    status: 'CONFIRMED',
    productId: 'sip-platform/ics',
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar file');
  return value;
}
