import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuditController } from './audit-log.controller';

/** The administrators' reading and verifying of the audit log. */
@Module({ imports: [AuditModule], controllers: [AuditController] })
export class AuditLogModule {}
