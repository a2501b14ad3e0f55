import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CollaborationModule } from '../collaboration/collaboration.module';
import { DirectoryModule } from '../directory/directory.module';
import { ParticipantsService } from './participants.service';
import { PlansController, StaffDirectoryController } from './plans.controller';
import { PlansService } from './plans.service';
import { VersionsService } from './versions.service';
import { VersionsController } from './versions.controller';

@Module({
  imports: [AuditModule, DirectoryModule, CollaborationModule],
  controllers: [PlansController, StaffDirectoryController, VersionsController],
  providers: [PlansService, ParticipantsService, VersionsService],
  exports: [PlansService, VersionsService],
})
export class PlansModule {}
