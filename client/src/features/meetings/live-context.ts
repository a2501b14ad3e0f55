import type { MeetingAgenda, MeetingLiveState, MyPreparation, PlanDetail } from '@sip/shared';

/** What every panel of meeting mode reads: the live state, the plan, the agenda, and one's place. */
export interface LiveContext {
  planId: string;
  meetingId: string;
  state: MeetingLiveState;
  plan: PlanDetail;
  prep: MyPreparation;
  agenda: MeetingAgenda | undefined;
  isChair: boolean;
  isNoteTaker: boolean;
}
