import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanNeeds } from '../access/plan-needs.decorator';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignedIn } from '../common/route-access.decorator';
import { PlanChangeDto, PlanMeetingParamDto } from '../plans/plans.dto';
import { EvaluationsService } from './evaluations.service';
import { LiveMeetingService } from './live-meeting.service';
import { MeetingDecisionsService } from './meeting-decisions.service';
import {
  AttendanceDto,
  EndMeetingDto,
  LiveUpdateDto,
  MeetingDecisionsDto,
  MeetingEvaluationDto,
  MeetingLiveViewDto,
  MovePartDto,
  MyEvaluationDto,
  StartMeetingDto,
} from './preparation.dto';

/** Meeting mode and the evaluation after it. Who may do what is checked in the services (the chair moves the meeting). */
@ApiTags('meeting mode')
@Controller('plans/:id/meetings/:meetingId')
export class LiveMeetingController {
  constructor(
    private readonly live: LiveMeetingService,
    private readonly decisions: MeetingDecisionsService,
    private readonly evaluations: EvaluationsService,
  ) {}

  @Get('live')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'The live meeting’s state (no words) and my place in it' })
  view(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto): Promise<MeetingLiveViewDto> {
    return this.live.view(actor, p.id, p.meetingId);
  }

  @Post('live/start')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Start the meeting on its day (staff who record meetings, or the person as chair)' })
  start(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: StartMeetingDto): Promise<MeetingLiveViewDto> {
    return this.live.start(actor, p.id, p.meetingId, body);
  }

  @Post('live/part')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @HttpCode(200)
  @ApiOperation({ summary: 'The chair moves the meeting to a part' })
  move(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: MovePartDto): Promise<MeetingLiveViewDto> {
    return this.live.move(actor, p.id, p.meetingId, body.part);
  }

  @Patch('live')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'Checklist, frågeställningar ticked, the person’s preference (chair); notes (note-taker)' })
  update(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: LiveUpdateDto): Promise<MeetingLiveViewDto> {
    return this.live.update(actor, p.id, p.meetingId, body);
  }

  @Put('live/attendance')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'How a participant attends; for a called principal, with the mandate to decide' })
  attendance(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: AttendanceDto): Promise<MeetingLiveViewDto> {
    return this.live.attendance(actor, p.id, p.meetingId, body);
  }

  @Put('live/decisions')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'Parts 4–5: huvudansvarig, samordningsansvarig, follow-up date, how the person gets the plan' })
  decide(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: MeetingDecisionsDto): Promise<MeetingLiveViewDto> {
    return this.decisions.decide(actor, p.id, p.meetingId, body);
  }

  @Post('live/end')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @HttpCode(200)
  @ApiOperation({ summary: 'End the meeting (part 5’s guard lists what is missing); records it as held' })
  end(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: EndMeetingDto): Promise<PlanChangeDto> {
    return this.live.end(actor, p.id, p.meetingId, body);
  }

  @Get('evaluation')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'Whether I have answered the three questions about the meeting' })
  myEvaluation(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto): Promise<MyEvaluationDto> {
    return this.evaluations.mine(actor, p.id, p.meetingId);
  }

  @Post('evaluation')
  @SignedIn()
  @PlanNeeds({ section: 'meetings' })
  @ApiOperation({ summary: 'Answer the three questions about the meeting (once)' })
  evaluate(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: MeetingEvaluationDto) {
    return this.evaluations.answer(actor, p.id, p.meetingId, body);
  }
}
