import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CollaborationModule } from '../collaboration/collaboration.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  imports: [AuditModule, CollaborationModule],
  controllers: [CommentsController],
  providers: [CommentsService],
})
export class CommentsModule {}
