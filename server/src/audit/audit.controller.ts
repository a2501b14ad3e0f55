import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { auditListQuerySchema, auditVerificationSchema } from '@sip/shared';
import { Roles } from '../common/route-access.decorator';
import { AuditService } from './audit.service';

class AuditListQueryDto extends createZodDto(auditListQuerySchema) {}
class AuditVerificationDto extends createZodDto(auditVerificationSchema) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit events, newest first' })
  list(@Query() query: AuditListQueryDto) {
    return this.audit.list(query.limit, query.beforeSeq);
  }

  @Get('verify')
  @Roles('admin')
  @ApiOperation({ summary: 'Recompute the hash chain and report the first broken row' })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
