import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { idParamSchema } from '@sip/shared';
import { PlanNeeds } from '../access/plan-needs.decorator';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignedIn } from '../common/route-access.decorator';
import { PlanIdParamDto } from './plans.dto';
import { VersionsService } from './versions.service';

class VersionParamDto extends createZodDto(idParamSchema.extend({ versionId: z.uuid() })) {}
class CompareQueryDto extends createZodDto(z.object({ from: z.uuid(), to: z.uuid() }).strict()) {}

@ApiTags('plans')
@Controller('plans/:id/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'The plan’s frozen versions (each meeting held, each finalising)' })
  list(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto) {
    return this.versions.list(actor, id);
  }

  @Get('compare')
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'Actions and goals added, changed and removed between two versions' })
  compare(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Query() q: CompareQueryDto) {
    return this.versions.compare(actor, id, q.from, q.to);
  }

  @Get(':versionId')
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'One version: the sections the reader may read' })
  read(@CurrentActor() actor: Actor, @Param() p: VersionParamDto) {
    return this.versions.read(actor, p.id, p.versionId);
  }
}
