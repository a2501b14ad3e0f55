import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StatisticsRefresh } from './statistics-refresh.job';
import { StatisticsScopeService } from './statistics-scope.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** Indicators for managers: the aggregate, its scheduled rebuild, the dashboard and CSV. */
@Module({
  imports: [AuditModule],
  controllers: [StatisticsController],
  providers: [StatisticsRefresh, StatisticsScopeService, StatisticsService],
  exports: [StatisticsRefresh],
})
export class StatisticsModule {}
