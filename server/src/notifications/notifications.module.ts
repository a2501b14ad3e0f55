import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EmailDispatchService } from './email-dispatch.service';
import { MailerService } from './mailer.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotifyGateway } from './notify.gateway';

/** In-app notifications (stored, pushed live on /notify) and e-mail (SMTP or the development outbox). */
@Module({
  imports: [AuthModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotifyGateway, MailerService, EmailDispatchService],
  exports: [NotificationsService, EmailDispatchService, MailerService],
})
export class NotificationsModule {}
