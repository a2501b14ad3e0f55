import type { z } from 'zod';
import type {
  addParticipantSchema,
  allowRelativeSchema,
  childViewSchema,
  createMeetingSchema,
  preparationSchema,
  recordConsentSchema,
  recordMeetingHeldSchema,
  sendCallSchema,
  transitionSchema,
  withdrawConsentSchema,
} from '@sip/shared';
import { usePlanAction } from './plans';

/**
 * Every plan command, its body typed by the shared request schema the server parses it with
 * (the schema's input: what may be sent, before defaults are filled in).
 */
export type TransitionBody = z.input<typeof transitionSchema>;
export type RecordConsentBody = z.input<typeof recordConsentSchema>;
export type WithdrawConsentBody = z.input<typeof withdrawConsentSchema>;
export type AddParticipantBody = z.input<typeof addParticipantSchema>;
export type AllowRelativeBody = z.input<typeof allowRelativeSchema>;
export type PreparationBody = z.input<typeof preparationSchema>;
export type SendCallBody = z.input<typeof sendCallSchema>;
export type CreateMeetingBody = z.input<typeof createMeetingSchema>;
export type RecordMeetingHeldBody = z.input<typeof recordMeetingHeldSchema>;
export type ChildViewBody = z.input<typeof childViewSchema>;

export const useTransition = (planId: string) => usePlanAction(planId, (body: TransitionBody) => ({ method: 'POST', path: '/transitions', body }));

export const useRecordConsent = (planId: string) => usePlanAction(planId, (body: RecordConsentBody) => ({ method: 'POST', path: '/consents', body }));

export const useWithdrawConsent = (planId: string) =>
  usePlanAction(planId, ({ consentId, body = {} }: { consentId: string; body?: WithdrawConsentBody }) => ({ method: 'POST', path: `/consents/${consentId}/withdraw`, body }));

export const useAddParticipant = (planId: string) => usePlanAction(planId, (body: AddParticipantBody) => ({ method: 'POST', path: '/participants', body }));

export const useRemoveParticipant = (planId: string) => usePlanAction(planId, (participantId: string) => ({ method: 'DELETE', path: `/participants/${participantId}` }));

export const useAllowRelative = (planId: string) => usePlanAction(planId, (body: AllowRelativeBody) => ({ method: 'POST', path: '/relatives', body }));

export const useRemoveRelative = (planId: string) => usePlanAction(planId, (participantId: string) => ({ method: 'DELETE', path: `/relatives/${participantId}` }));

export const useSavePreparation = (planId: string) => usePlanAction(planId, (body: PreparationBody) => ({ method: 'PATCH', path: '/preparation', body }));

export const useSendCall = (planId: string) => usePlanAction(planId, (body: SendCallBody) => ({ method: 'POST', path: '/calls', body }));

export const useAcknowledgeCall = (planId: string) => usePlanAction(planId, (callId: string) => ({ method: 'POST', path: `/calls/${callId}/acknowledge` }));

export const useCreateMeeting = (planId: string) => usePlanAction(planId, (body: CreateMeetingBody) => ({ method: 'POST', path: '/meetings', body }));

export const useRecordMeetingHeld = (planId: string) =>
  usePlanAction(planId, ({ meetingId, body }: { meetingId: string; body: RecordMeetingHeldBody }) => ({ method: 'POST', path: `/meetings/${meetingId}/held`, body }));

export const useSaveChildView = (planId: string) => usePlanAction(planId, (body: ChildViewBody) => ({ method: 'PUT', path: '/child-view', body }));
