import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  answerShareSchema,
  attendanceSchema,
  chooseVersionSchema,
  endMeetingSchema,
  evaluationSummarySchema,
  liveUpdateSchema,
  meetingAgendaSchema,
  meetingDecisionsSchema,
  meetingEvaluationSchema,
  meetingLiveViewSchema,
  meetingSetupSchema,
  movePartSchema,
  myEvaluationSchema,
  myPreparationSchema,
  planMeetingAnswerParamSchema,
  preparationAnswerSchema,
  preparationAnswerSchemaOut,
  startMeetingSchema,
} from '@sip/shared';

export class PlanMeetingAnswerParamDto extends createZodDto(planMeetingAnswerParamSchema) {}
export class PreparationAnswerDto extends createZodDto(preparationAnswerSchema) {}
export class AnswerShareDto extends createZodDto(answerShareSchema) {}
export class ChooseVersionDto extends createZodDto(chooseVersionSchema) {}
export class MeetingSetupDto extends createZodDto(meetingSetupSchema) {}
export class MyPreparationDto extends createZodDto(myPreparationSchema) {}
export class SavedAnswerDto extends createZodDto(z.object({ answer: preparationAnswerSchemaOut.nullable() })) {}
export class MeetingAgendaDto extends createZodDto(meetingAgendaSchema) {}

export class MeetingLiveViewDto extends createZodDto(meetingLiveViewSchema) {}
export class StartMeetingDto extends createZodDto(startMeetingSchema) {}
export class MovePartDto extends createZodDto(movePartSchema) {}
export class LiveUpdateDto extends createZodDto(liveUpdateSchema) {}
export class AttendanceDto extends createZodDto(attendanceSchema) {}
export class MeetingDecisionsDto extends createZodDto(meetingDecisionsSchema) {}
export class EndMeetingDto extends createZodDto(endMeetingSchema) {}

export class MeetingEvaluationDto extends createZodDto(meetingEvaluationSchema) {}
export class MyEvaluationDto extends createZodDto(myEvaluationSchema) {}
export class EvaluationSummaryDto extends createZodDto(evaluationSummarySchema) {}

