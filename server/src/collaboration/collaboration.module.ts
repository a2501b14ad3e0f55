import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CollabAccessService } from './collab-access.service';
import { CollabGateway } from './collab.gateway';
import { CollaborationService } from './collaboration.service';
import { DocumentStore } from './document-store';
import { ProjectionService } from './projection.service';

@Module({
  imports: [AuthModule, AuditModule],
  providers: [CollabGateway, CollaborationService, CollabAccessService, DocumentStore, ProjectionService],
  exports: [CollaborationService, ProjectionService, DocumentStore, CollabAccessService],
})
export class CollaborationModule {}
