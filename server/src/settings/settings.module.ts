import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CountySettingsController } from './county-settings.controller';
import { CountySettingsService } from './county-settings.service';

/** What an administrator sets per county. */
@Module({
  imports: [AuditModule],
  controllers: [CountySettingsController],
  providers: [CountySettingsService],
})
export class SettingsModule {}
