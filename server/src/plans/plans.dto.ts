import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  accessLogEntrySchema,
  addParticipantSchema,
  allowRelativeSchema,
  childViewSchema,
  createMeetingSchema,
  idParamSchema,
  initiatePlanSchema,
  planCallParamSchema,
  planConsentParamSchema,
  planChangeSchema,
  planDetailSchema,
  planMeetingParamSchema,
  planParticipantParamSchema,
  preparationSchema,
  recordConsentSchema,
  recordMeetingHeldSchema,
  sendCallSchema,
  transitionSchema,
  withdrawConsentSchema,
  worklistQuerySchema,
  worklistSchema,
} from '@sip/shared';

export class PlanIdParamDto extends createZodDto(idParamSchema) {}
export class PlanCallParamDto extends createZodDto(planCallParamSchema) {}
export class PlanMeetingParamDto extends createZodDto(planMeetingParamSchema) {}
export class PlanConsentParamDto extends createZodDto(planConsentParamSchema) {}
export class PlanParticipantParamDto extends createZodDto(planParticipantParamSchema) {}

export class PlanDetailDto extends createZodDto(planDetailSchema) {}
export class PlanChangeDto extends createZodDto(planChangeSchema) {}
export class WorklistDto extends createZodDto(worklistSchema) {}
export class WorklistQueryDto extends createZodDto(worklistQuerySchema) {}
export class InitiatePlanDto extends createZodDto(initiatePlanSchema) {}
export class TransitionDto extends createZodDto(transitionSchema) {}
export class PreparationDto extends createZodDto(preparationSchema) {}
export class ChildViewDto extends createZodDto(childViewSchema) {}
export class RecordConsentDto extends createZodDto(recordConsentSchema) {}
export class WithdrawConsentDto extends createZodDto(withdrawConsentSchema) {}
export class AddParticipantDto extends createZodDto(addParticipantSchema) {}
export class AllowRelativeDto extends createZodDto(allowRelativeSchema) {}
export class CreateMeetingDto extends createZodDto(createMeetingSchema) {}
export class SendCallDto extends createZodDto(sendCallSchema) {}
export class RecordMeetingHeldDto extends createZodDto(recordMeetingHeldSchema) {}
export class AccessLogDto extends createZodDto(z.array(accessLogEntrySchema)) {}
