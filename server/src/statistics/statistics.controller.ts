import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { statisticsQuerySchema, statisticsResultSchema, statisticsViewsSchema } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../common/route-access.decorator';
import { statisticsCsv } from './statistics-csv';
import { StatisticsService } from './statistics.service';

class StatisticsQueryDto extends createZodDto(statisticsQuerySchema) {}
class StatisticsResultDto extends createZodDto(statisticsResultSchema) {}
class StatisticsViewsDto extends createZodDto(statisticsViewsSchema) {}

/** Managers follow SIP through figures that never expose a person (docs/architecture.md, *Statistics*). */
@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('views')
  @Roles('manager')
  @ApiOperation({ summary: 'The views (organisations, a county) the manager may open' })
  views(@CurrentActor() actor: Actor): Promise<StatisticsViewsDto> {
    return this.statistics.views(actor);
  }

  @Get()
  @Roles('manager')
  @ApiOperation({ summary: 'Every indicator for a view and period, broken down, small numbers suppressed (audited)' })
  read(@CurrentActor() actor: Actor, @Query() query: StatisticsQueryDto): Promise<StatisticsResultDto> {
    return this.statistics.read(actor, query, 'json');
  }

  @Get('export.csv')
  @Roles('manager')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="sip-statistik.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same figures as CSV for Swedish Excel (semicolons, UTF-8 BOM), the same cells suppressed (audited)' })
  async csv(@CurrentActor() actor: Actor, @Query() query: StatisticsQueryDto): Promise<StreamableFile> {
    const result = await this.statistics.read(actor, query, 'csv');
    return new StreamableFile(Buffer.from(statisticsCsv(result, query.lang), 'utf8'));
  }
}
