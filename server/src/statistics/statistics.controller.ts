import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
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

/** Where a read's time went, as Server-Timing (sql, tables, rest): the benchmark reads it. */
function serverTiming(res: Response, timing: Record<string, number>) {
  res.setHeader('Server-Timing', Object.entries(timing).map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(', '));
}

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
  async read(@CurrentActor() actor: Actor, @Query() query: StatisticsQueryDto, @Res({ passthrough: true }) res: Response): Promise<StatisticsResultDto> {
    const timing: Record<string, number> = {};
    const result = await this.statistics.read(actor, query, 'json', timing);
    serverTiming(res, timing);
    return result;
  }

  @Get('export.csv')
  @Roles('manager')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="sip-statistik.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same figures as CSV for Swedish Excel (semicolons, UTF-8 BOM), the same cells suppressed (audited)' })
  async csv(@CurrentActor() actor: Actor, @Query() query: StatisticsQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const timing: Record<string, number> = {};
    const result = await this.statistics.read(actor, query, 'csv', timing);
    const started = performance.now();
    const file = new StreamableFile(Buffer.from(statisticsCsv(result, query.lang), 'utf8'));
    timing.csv = performance.now() - started;
    serverTiming(res, timing);
    return file;
  }
}
