import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { AgendaService } from './agenda.service';
import { EvaluationsService } from './evaluations.service';
import { LiveMeetingController } from './live-meeting.controller';
import { LiveMeetingService } from './live-meeting.service';
import { MeetingDecisionsService } from './meeting-decisions.service';
import { MeetingRoom } from './meeting-room';
import { MeetingSettingsController } from './meeting-settings.controller';
import { MeetingGateway } from './meeting.gateway';
import { PreparationController } from './preparation.controller';
import { PreparationService } from './preparation.service';

/** Mötescirkeln: preparation, the agenda, meeting mode on /meeting, and the evaluation after it. */
@Module({
  imports: [AuditModule, AuthModule, MeetingsModule],
  controllers: [PreparationController, LiveMeetingController, MeetingSettingsController],
  providers: [PreparationService, AgendaService, LiveMeetingService, MeetingDecisionsService, EvaluationsService, MeetingRoom, MeetingGateway],
})
export class PreparationModule {}
