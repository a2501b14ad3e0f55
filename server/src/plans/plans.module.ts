import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CollaborationModule } from '../collaboration/collaboration.module';
import { DirectoryModule } from '../directory/directory.module';
import { ParticipantsService } from './participants.service';
import { PlanDetailService } from './plan-detail.service';
import { PlanLifecycleService } from './plan-lifecycle.service';
import { PlansController } from './plans.controller';
import { PreparationService } from './preparation.service';
import { WorklistService } from './worklist.service';
import { VersionsService } from './versions.service';
import { VersionsController } from './versions.controller';

@Module({
  imports: [AuditModule, DirectoryModule, CollaborationModule],
  controllers: [PlansController, VersionsController],
  providers: [WorklistService, PlanDetailService, PlanLifecycleService, PreparationService, ParticipantsService, VersionsService],
  exports: [VersionsService],
})
export class PlansModule {}
