import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CollabGateway } from './collab.gateway';
import { CollaborationService } from './collaboration.service';
import { DocumentRegistry } from './document-registry';
import { DocumentStore } from './document-store';
import { FanOut } from './fan-out';
import { PresenceRelay } from './presence-relay';
import { ProjectionService } from './projection.service';
import { Revocation } from './revocation';
import { SectionAccessCache } from './section-access-cache';
import { SessionFollower } from './session-follower';
import { UpdatePipeline } from './update-pipeline';

@Module({
  imports: [AuthModule, AuditModule],
  providers: [
    CollabGateway,
    CollaborationService,
    DocumentRegistry,
    DocumentStore,
    FanOut,
    PresenceRelay,
    ProjectionService,
    Revocation,
    SectionAccessCache,
    SessionFollower,
    UpdatePipeline,
  ],
  exports: [CollaborationService, ProjectionService, DocumentStore, DocumentRegistry],
})
export class CollaborationModule {}
