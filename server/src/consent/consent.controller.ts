import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { PlanNeeds } from '../access/plan-needs.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignedIn } from '../common/route-access.decorator';
import { PlanConsentParamDto, PlanChangeDto, PlanIdParamDto, RecordConsentDto, WithdrawConsentDto } from '../plans/plans.dto';
import { ConsentService } from './consent.service';

@ApiTags('consent')
@Controller('plans/:id/consents')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Post()
  @SignedIn()
  @PlanNeeds({ capability: 'record_consent' })
  @ApiOperation({ summary: 'Record a consent: who gave it, how, its scope and period' })
  record(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: RecordConsentDto): Promise<PlanChangeDto> {
    return this.consent.record(actor, id, body);
  }

  @Post(':consentId/withdraw')
  @SignedIn()
  @PlanNeeds({ capability: 'withdraw_consent' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw consent (the person in the app, or recorded by staff); closes the plan' })
  withdraw(@CurrentActor() actor: Actor, @Param() p: PlanConsentParamDto, @Body() body: WithdrawConsentDto): Promise<PlanChangeDto> {
    return this.consent.withdraw(actor, p.id, p.consentId, body.note);
  }
}
