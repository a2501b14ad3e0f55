import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CollaborationModule } from '../collaboration/collaboration.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { FollowUpController } from './follow-up.controller';
import { HappeningNowService } from './happening-now.service';
import { ReminderScan } from './reminders.job';
import { ReviewItemsService } from './review-items.service';
import { TodoService } from './todo.service';

/** Following every action until the plan closes: "Att göra", reminders, the person's "what happens now". */
@Module({
  imports: [AuditModule, CollaborationModule, NotificationsModule],
  controllers: [FollowUpController],
  providers: [TodoService, HappeningNowService, ReviewItemsService, ReminderScan],
})
export class FollowUpModule {}
