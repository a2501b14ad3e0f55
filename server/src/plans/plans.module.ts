import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CollaborationModule } from '../collaboration/collaboration.module';
import { ConsentController } from '../consent/consent.controller';
import { ConsentService } from '../consent/consent.service';
import { DirectoryModule } from '../directory/directory.module';
import { MeetingsController } from '../meetings/meetings.controller';
import { MeetingsService } from '../meetings/meetings.service';
import { ParticipantsService } from './participants.service';
import { PlansController, StaffDirectoryController } from './plans.controller';
import { PlansService } from './plans.service';
import { VersionsService } from './versions.service';
import { VersionsController } from './versions.controller';

@Module({
  imports: [AuditModule, DirectoryModule, CollaborationModule],
  controllers: [PlansController, StaffDirectoryController, ConsentController, MeetingsController, VersionsController],
  providers: [PlansService, ParticipantsService, ConsentService, MeetingsService, VersionsService],
  exports: [PlansService],
})
export class PlansModule {}
