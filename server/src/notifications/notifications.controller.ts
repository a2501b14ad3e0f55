import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { notificationListSchema, notificationPreferenceSchema } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignedIn } from '../common/route-access.decorator';
import { NotificationsService } from './notifications.service';

class NotificationListDto extends createZodDto(notificationListSchema) {}
class NotificationPreferenceDto extends createZodDto(notificationPreferenceSchema) {}
class MarkReadDto extends createZodDto(z.object({ ids: z.union([z.array(z.uuid()).min(1).max(100), z.literal('all')]) }).strict()) {}

/** Each signed-in person's own notifications and e-mail preference. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'My latest notifications and how many are unread' })
  list(@CurrentActor() actor: Actor): Promise<NotificationListDto> {
    return this.notifications.list(actor);
  }

  @Post('read')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark my notifications read (some, or all)' })
  read(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<NotificationListDto> {
    return this.notifications.markRead(actor, body.ids);
  }

  @Get('preferences')
  @SignedIn()
  @ApiOperation({ summary: 'Whether and how I get reminders by e-mail' })
  preference(@CurrentActor() actor: Actor): Promise<NotificationPreferenceDto> {
    return this.notifications.preference(actor.accountId);
  }

  @Put('preferences')
  @SignedIn()
  @ApiOperation({ summary: 'E-mail: off, at once, or a daily digest; and the address' })
  setPreference(@CurrentActor() actor: Actor, @Body() body: NotificationPreferenceDto): Promise<NotificationPreferenceDto> {
    return this.notifications.setPreference(actor, body);
  }
}
