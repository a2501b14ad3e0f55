import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AccessModule } from './access/access.module';
import { PlanAccessGuard } from './access/plan-access.guard';
import { AuditModule } from './audit/audit.module';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { CollaborationModule } from './collaboration/collaboration.module';
import { ProblemFilter } from './common/problem.filter';
import { SharedSchemaValidationPipe } from './common/zod-validation.pipe';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { DirectoryModule } from './directory/directory.module';
import { HealthController } from './health/health.controller';
import { PlansModule } from './plans/plans.module';
import { CommentsModule } from './comments/comments.module';
import { ConsentModule } from './consent/consent.module';
import { DATABASE_URL } from './config/database-url';
import { JobsModule } from './jobs/jobs.module';
import { MeetingsModule } from './meetings/meetings.module';
import { PreparationModule } from './preparation/preparation.module';
import { FollowUpModule } from './follow-up/follow-up.module';
import { NotificationsModule } from './notifications/notifications.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { SettingsModule } from './settings/settings.module';
import { StatisticsModule } from './statistics/statistics.module';
import { loggerOptions } from './logging';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Where logs go; stdout when unset. Tests pass a stream to inspect what is logged. */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logStream }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: logStream ? [loggerOptions(config), logStream] : loggerOptions(config),
          // Express 5 route syntax; the default '*' draws a deprecation warning at every start.
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.rateLimitPerMinute }]),
        AuditModule,
        AuthModule,
        AccessModule,
        DirectoryModule,
        JobsModule,
        PlansModule,
        ConsentModule,
        MeetingsModule,
        PreparationModule,
        CommentsModule,
        NotificationsModule,
        FollowUpModule,
        SettingsModule,
        AuditLogModule,
        CollaborationModule,
        StatisticsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: APP_PIPE, useClass: SharedSchemaValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: PlanAccessGuard },
      ],
      exports: [APP_CONFIG, DATABASE_URL],
    };
  }
}
