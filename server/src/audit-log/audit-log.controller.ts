import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { auditEventSchema, auditListQuerySchema, auditVerificationSchema } from '@sip/shared';
import { type Actor, auditRole } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../common/route-access.decorator';
import { AuditService } from '../audit/audit.service';

class AuditListQueryDto extends createZodDto(auditListQuerySchema) {}
class AuditListDto extends createZodDto(z.array(auditEventSchema)) {}
class AuditVerificationDto extends createZodDto(auditVerificationSchema) {}

/**
 * The audit log browsed (apart from audit/, which every feature writes through: reading the
 * log needs the signed-in actor, and auth itself writes to the log). The log is read and
 * verified by administrators, and each reading is itself logged: the
 * log says who opened which part of it (which plan's or person's trail), and when.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit events, newest first; by plan, actor, action and time' })
  async list(@CurrentActor() actor: Actor, @Query() query: AuditListQueryDto): Promise<AuditListDto> {
    const events = await this.audit.list(query);
    const { limit: _limit, ...filters } = query;
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'audit.read', details: { filters, count: events.length } });
    return events;
  }

  @Get('verify')
  @Roles('admin')
  @ApiOperation({ summary: 'Recompute the hash chain and report the first broken row' })
  async verify(@CurrentActor() actor: Actor): Promise<AuditVerificationDto> {
    const result = await this.audit.verify();
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'audit.verify', details: result });
    return result;
  }
}
