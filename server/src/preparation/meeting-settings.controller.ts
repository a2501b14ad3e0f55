import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { StaffOnly } from '../common/route-access.decorator';
import { EvaluationsService } from './evaluations.service';
import { EvaluationSummaryDto } from './preparation.dto';

/**
 * Outside any one plan: the counts of meeting evaluations. (Each county's time shares are
 * county settings — /api/county-settings/:countyCode — and reach the meeting page inside the
 * preparation and live views.)
 */
@ApiTags('meeting mode')
@Controller()
export class MeetingSettingsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Get('meeting-evaluations/summary')
  @StaffOnly()
  @ApiOperation({ summary: 'Evaluation answers as counts over many meetings (none for fewer than five answers)' })
  summary(@CurrentActor() actor: Actor): Promise<EvaluationSummaryDto> {
    return this.evaluations.summary(actor);
  }
}
