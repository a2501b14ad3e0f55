import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { happeningNowSchema, idParamSchema, planChangeSchema, reviewItemsSchema, todoListSchema, todoQuerySchema } from '@sip/shared';
import { PlanNeeds } from '../access/plan-needs.decorator';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, SignedIn } from '../common/route-access.decorator';
import { HappeningNowService } from './happening-now.service';
import { ReviewItemsService } from './review-items.service';
import { TodoService } from './todo.service';

class TodoQueryDto extends createZodDto(todoQuerySchema) {}
class TodoListDto extends createZodDto(todoListSchema) {}
class PlanIdDto extends createZodDto(idParamSchema) {}
class HappeningNowDto extends createZodDto(happeningNowSchema) {}
class PlanChangeDto extends createZodDto(planChangeSchema) {}
class ReviewItemsDto extends createZodDto(reviewItemsSchema) {}
class ActionParamDto extends createZodDto(z.object({ id: z.uuid(), organisationId: z.uuid(), actionId: z.string().min(1).max(64) }).strict()) {}

@ApiTags('follow-up')
@Controller()
export class FollowUpController {
  constructor(
    private readonly todo: TodoService,
    private readonly happening: HappeningNowService,
    private readonly reviewItems: ReviewItemsService,
  ) {}

  @Get('todo')
  @Roles('practitioner')
  @ApiOperation({ summary: '"Att göra": what needs me, across every plan I reach' })
  list(@CurrentActor() actor: Actor, @Query() query: TodoQueryDto): Promise<TodoListDto> {
    return this.todo.list(actor, query);
  }

  @Get('plans/:id/happening-now')
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'What happens now: each action, the next follow-up, whom to contact' })
  happeningNow(@CurrentActor() actor: Actor, @Param() { id }: PlanIdDto): Promise<HappeningNowDto> {
    return this.happening.read(actor, id);
  }

  @Get('plans/:id/review-items')
  @SignedIn()
  @PlanNeeds({ capability: 'record_meeting' })
  @ApiOperation({ summary: 'What a follow-up meeting reviews: every current action, the needs and the goals' })
  reviewItemsOf(@CurrentActor() actor: Actor, @Param() { id }: PlanIdDto): Promise<ReviewItemsDto> {
    return this.reviewItems.read(actor, id);
  }

  @Post('plans/:id/actions/:organisationId/:actionId/done')
  @SignedIn()
  @PlanNeeds({ reach: true })
  @HttpCode(200)
  @ApiOperation({ summary: 'The person marks an action they perform themselves as done' })
  markDone(@CurrentActor() actor: Actor, @Param() p: ActionParamDto): Promise<PlanChangeDto> {
    return this.happening.markDone(actor, p.id, p.organisationId, p.actionId);
  }
}
