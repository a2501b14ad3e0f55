import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlanAccessEvents } from './plan-access-events';
import { PlanAccessService } from './plan-access.service';
import { PlanCommands } from './plan-commands';
import { SectionAccessService } from './section-access.service';

/** Who reaches which plan and section, the plan command helper, and the access-change bus. */
@Global()
@Module({
  imports: [AuditModule],
  providers: [PlanAccessService, SectionAccessService, PlanCommands, PlanAccessEvents],
  exports: [PlanAccessService, SectionAccessService, PlanCommands, PlanAccessEvents],
})
export class AccessModule {}
