import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PartShares } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, StaffOnly } from '../common/route-access.decorator';
import { CountySharesService } from './county-shares.service';
import { EvaluationsService } from './evaluations.service';
import { CountyParamDto, CountySharesDto, EvaluationSummaryDto, PartSharesDto } from './preparation.dto';

/** Outside any one plan: the counts of meeting evaluations, and each county's time shares. */
@ApiTags('meeting mode')
@Controller()
export class MeetingSettingsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly shares: CountySharesService,
  ) {}

  @Get('meeting-evaluations/summary')
  @StaffOnly()
  @ApiOperation({ summary: 'Evaluation answers as counts over many meetings (none for fewer than five answers)' })
  summary(@CurrentActor() actor: Actor): Promise<EvaluationSummaryDto> {
    return this.evaluations.summary(actor);
  }

  @Get('counties/:code/meeting-shares')
  @StaffOnly()
  @ApiOperation({ summary: 'Each part’s share of a meeting’s time in the county' })
  getShares(@Param() { code }: CountyParamDto): Promise<CountySharesDto> {
    return this.shares.get(code);
  }

  @Put('counties/:code/meeting-shares')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the county’s shares (whole per cents, 100 in all, behov the largest)' })
  setShares(@CurrentActor() actor: Actor, @Param() { code }: CountyParamDto, @Body() body: PartSharesDto): Promise<CountySharesDto> {
    return this.shares.set(actor, code, body as PartShares);
  }
}
