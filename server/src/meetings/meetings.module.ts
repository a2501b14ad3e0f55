import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlansModule } from '../plans/plans.module';
import { MeetingsController } from './meetings.controller';
import { MeetingEvents } from './meeting-events';
import { MeetingsService } from './meetings.service';

/** Calls (kallelse and inbjudan) with their calendar files, meetings and attendance. */
@Module({
  imports: [AuditModule, PlansModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingEvents],
  exports: [MeetingsService, MeetingEvents],
})
export class MeetingsModule {}
