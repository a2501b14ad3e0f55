import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../auth/actor';
import { PlanNeeds } from '../access/plan-needs.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignedIn } from '../common/route-access.decorator';
import { CreateMeetingDto, PlanCallParamDto, PlanChangeDto, PlanIdParamDto, PlanMeetingParamDto, RecordMeetingHeldDto, SendCallDto } from '../plans/plans.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Controller('plans/:id')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post('meetings')
  @SignedIn()
  @PlanNeeds({ capability: 'prepare' })
  @ApiOperation({ summary: 'Plan a meeting without calls, e.g. a förmöte' })
  createMeeting(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: CreateMeetingDto): Promise<PlanChangeDto> {
    return this.meetings.createMeeting(actor, id, body);
  }

  @Post('calls')
  @SignedIn()
  @PlanNeeds({ capability: 'send_calls' })
  @ApiOperation({ summary: 'Send the kallelse to kommun/region and invitations to others, for a new meeting' })
  sendCall(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: SendCallDto): Promise<PlanChangeDto> {
    return this.meetings.sendCall(actor, id, body);
  }

  @Post('calls/:callId/acknowledge')
  @SignedIn()
  @PlanNeeds({ capability: 'acknowledge_call' })
  @HttpCode(200)
  @ApiOperation({ summary: 'The recipient confirms the call' })
  acknowledge(@CurrentActor() actor: Actor, @Param() p: PlanCallParamDto): Promise<PlanChangeDto> {
    return this.meetings.acknowledge(actor, p.id, p.callId);
  }

  @Get('calls/:callId/calendar.ics')
  @SignedIn()
  @PlanNeeds({ section: 'calls' })
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="sip-mote.ics"')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The call as an iCalendar file' })
  async calendar(@CurrentActor() actor: Actor, @Param() p: PlanCallParamDto, @Req() req: Request): Promise<StreamableFile> {
    const ics = await this.meetings.calendar(actor, p.id, p.callId, req.hostname || 'sip.local');
    return new StreamableFile(Buffer.from(ics, 'utf8'));
  }

  @Post('meetings/:meetingId/held')
  @SignedIn()
  @PlanNeeds({ capability: 'record_meeting' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a meeting was held: chair, note-taker, attendance' })
  recordHeld(@CurrentActor() actor: Actor, @Param() p: PlanMeetingParamDto, @Body() body: RecordMeetingHeldDto): Promise<PlanChangeDto> {
    return this.meetings.recordHeld(actor, p.id, p.meetingId, body);
  }
}
