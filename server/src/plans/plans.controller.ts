import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { PlanNeeds } from '../access/plan-needs.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, SignedIn } from '../common/route-access.decorator';
import { ParticipantsService } from './participants.service';
import { PlanDetailService } from './plan-detail.service';
import { PlanLifecycleService } from './plan-lifecycle.service';
import { PreparationService } from './preparation.service';
import { WorklistService } from './worklist.service';
import {
  AccessLogDto,
  AddParticipantDto,
  AllowRelativeDto,
  ChildViewDto,
  InitiatePlanDto,
  PlanChangeDto,
  PlanDetailDto,
  PlanIdParamDto,
  PlanParticipantParamDto,
  PreparationDto,
  TransitionDto,
  WorklistDto,
  WorklistQueryDto,
} from './plans.dto';

/**
 * Plans. Routes open to every signed-in account check the specific plan through the
 * access policy (PlanAccessService); a plan the caller cannot reach answers 404.
 */
@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly worklists: WorklistService,
    private readonly details: PlanDetailService,
    private readonly lifecycle: PlanLifecycleService,
    private readonly preparation: PreparationService,
    private readonly participants: ParticipantsService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The plans the caller reaches (worklist), scoped in SQL' })
  worklist(@CurrentActor() actor: Actor, @Query() query: WorklistQueryDto): Promise<WorklistDto> {
    return this.worklists.worklist(actor, query);
  }

  @Post()
  @Roles('practitioner')
  @ApiOperation({ summary: 'Start a SIP for a person (state initierad)' })
  initiate(@CurrentActor() actor: Actor, @Body() body: InitiatePlanDto): Promise<PlanChangeDto> {
    return this.lifecycle.initiate(actor, body);
  }

  @Get(':id')
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'A plan, with the sections the caller may read and what they may do' })
  detail(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto): Promise<PlanDetailDto> {
    return this.details.detail(actor, id);
  }

  @Post(':id/transitions')
  @SignedIn()
  @PlanNeeds({ capability: 'manage_lifecycle' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Start preparation, close, or refuse a requested SIP' })
  transition(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: TransitionDto): Promise<PlanChangeDto> {
    return this.lifecycle.transition(actor, id, body);
  }

  @Patch(':id/preparation')
  @SignedIn()
  @PlanNeeds({ capability: 'prepare' })
  @ApiOperation({ summary: 'Frågeställningar, long-term goal, huvudansvarig principal' })
  prepare(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: PreparationDto): Promise<PlanChangeDto> {
    return this.preparation.updatePreparation(actor, id, body);
  }

  @Put(':id/child-view')
  @SignedIn()
  @PlanNeeds({ capability: 'record_child_view' })
  @ApiOperation({ summary: 'The child’s own view, and whether it is secret from the guardians' })
  childView(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: ChildViewDto): Promise<PlanChangeDto> {
    return this.preparation.updateChildView(actor, id, body);
  }

  @Get(':id/access-log')
  @SignedIn()
  @PlanNeeds({ section: 'access_log' })
  @ApiOperation({ summary: 'Who has opened the plan, and when (for the person and guardians)' })
  accessLog(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto): Promise<AccessLogDto> {
    return this.details.accessLog(actor, id);
  }

  @Post(':id/participants')
  @SignedIn()
  @PlanNeeds({ capability: 'manage_participants' })
  @ApiOperation({ summary: 'Add staff or an external contact to the plan' })
  addParticipant(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: AddParticipantDto): Promise<PlanChangeDto> {
    return this.participants.add(actor, id, body);
  }

  @Delete(':id/participants/:participantId')
  @SignedIn()
  @PlanNeeds({ capability: 'manage_participants' })
  removeParticipant(@CurrentActor() actor: Actor, @Param() p: PlanParticipantParamDto): Promise<PlanChangeDto> {
    return this.participants.remove(actor, p.id, p.participantId);
  }

  @Post(':id/relatives')
  @SignedIn()
  @PlanNeeds({ capability: 'manage_relatives' })
  @ApiOperation({ summary: 'The person allows one of their relatives into the plan' })
  allowRelative(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: AllowRelativeDto): Promise<PlanChangeDto> {
    return this.participants.allowRelative(actor, id, body.accountId);
  }

  @Delete(':id/relatives/:participantId')
  @SignedIn()
  @PlanNeeds({ capability: 'manage_relatives' })
  @ApiOperation({ summary: 'The person removes a relative; their access ends at once' })
  removeRelative(@CurrentActor() actor: Actor, @Param() p: PlanParticipantParamDto): Promise<PlanChangeDto> {
    return this.participants.removeRelative(actor, p.id, p.participantId);
  }
}
