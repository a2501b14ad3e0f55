import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanNeeds } from '../access/plan-needs.decorator';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignedIn } from '../common/route-access.decorator';
import { PlanMeetingParamDto } from '../plans/plans.dto';
import { AgendaService } from './agenda.service';
import {
  AnswerShareDto,
  ChooseVersionDto,
  MeetingAgendaDto,
  MeetingSetupDto,
  MyPreparationDto,
  PlanMeetingAnswerParamDto,
  PreparationAnswerDto,
  SavedAnswerDto,
} from './preparation.dto';
import { PreparationService } from './preparation.service';

/**
 * Preparation with Mötescirkeln. Every route needs the plan's meetings; what one may do
 * beyond that (prepare, read the agenda, see who has prepared) comes from the policy in
 * @sip/shared (meetingRights), checked again in each service's transaction.
 */
@ApiTags('meeting preparation')
@Controller('plans/:id/meetings/:meetingId')
export class PreparationController {
  constructor(
    private readonly preparation: PreparationService,
    private readonly agendas: AgendaService,
  ) {}

  @Get('preparation')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'My circle for the meeting and my own answers (never anyone else’s)' })
  mine(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto): Promise<MyPreparationDto> {
    return this.preparation.mine(actor, p.id, p.meetingId);
  }

  @Put('preparation/answers')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'Save my answer to one question as I type (empty text removes it); optionally share it into the agenda' })
  save(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: PreparationAnswerDto): Promise<SavedAnswerDto> {
    return this.preparation.saveAnswer(actor, p.id, p.meetingId, body);
  }

  @Patch('preparation/answers/:answerId')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: '"Dela inför mötet": share my answer into the agenda, or take it back' })
  share(@CurrentActor() actor: Actor, @Param() p: PlanMeetingAnswerParamDto, @Body() body: AnswerShareDto): Promise<SavedAnswerDto> {
    return this.preparation.share(actor, p.id, p.meetingId, p.answerId, body);
  }

  @Delete('preparation/answers/:answerId')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove my answer' })
  remove(@CurrentActor() actor: Actor, @Param() p: PlanMeetingAnswerParamDto): Promise<void> {
    return this.preparation.remove(actor, p.id, p.meetingId, p.answerId);
  }

  @Put('preparation/version')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'Prepare in another version of the circle (null: the one my role gives)' })
  chooseVersion(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: ChooseVersionDto) {
    return this.preparation.chooseVersion(actor, p.id, p.meetingId, body.version);
  }

  @Put('setup')
  @SignedIn()
  @PlanNeeds({ capability: 'prepare' })
  @ApiOperation({ summary: 'Staff set the meeting up: chair, note-taker, a young person preparing with the guardians' })
  setup(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: MeetingSetupDto) {
    return this.preparation.setup(actor, p.id, p.meetingId, body);
  }

  @Get('agenda')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'The agenda: frågeställningar, shared answers, actions by principal, notes, what part 5 decided' })
  agenda(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto): Promise<MeetingAgendaDto> {
    return this.agendas.agenda(actor, p.id, p.meetingId);
  }
}
