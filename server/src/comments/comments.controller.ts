import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { commentParamsSchema, newCommentSchema } from '@sip/shared';
import { PlanNeeds } from '../access/plan-needs.decorator';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignedIn } from '../common/route-access.decorator';
import { PlanIdParamDto } from '../plans/plans.dto';
import { CommentsService } from './comments.service';

class NewCommentDto extends createZodDto(newCommentSchema) {}
class CommentParamsDto extends createZodDto(commentParamsSchema) {}

@ApiTags('plans')
@Controller('plans/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'The comment threads of every section the reader may read' })
  async list(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto) {
    return { comments: await this.comments.list(actor, id) };
  }

  @Post()
  @HttpCode(201)
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'Comment on a section (anyone who may read it, until the plan is closed)' })
  add(@CurrentActor() actor: Actor, @Param() { id }: PlanIdParamDto, @Body() body: NewCommentDto) {
    return this.comments.add(actor, id, body);
  }

  @Delete(':commentId')
  @SignedIn()
  @PlanNeeds({ reach: true })
  @ApiOperation({ summary: 'Remove one’s own comment (who and when stay, the words go)' })
  remove(@CurrentActor() actor: Actor, @Param() p: CommentParamsDto) {
    return this.comments.remove(actor, p.id, p.commentId);
  }
}
