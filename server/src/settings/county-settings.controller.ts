import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { countyCodeParamSchema, countySettingsSchema, updateCountySettingsSchema } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../common/route-access.decorator';
import { CountySettingsService } from './county-settings.service';

class CountyCodeParamDto extends createZodDto(countyCodeParamSchema) {}
class CountySettingsDto extends createZodDto(countySettingsSchema) {}
class UpdateCountySettingsDto extends createZodDto(updateCountySettingsSchema) {}

@ApiTags('settings')
@Controller('county-settings')
export class CountySettingsController {
  constructor(private readonly settings: CountySettingsService) {}

  @Get(':countyCode')
  @Roles('admin')
  @ApiOperation({ summary: "A county's discharge deadline and reminder offsets (the defaults until set)" })
  get(@Param() { countyCode }: CountyCodeParamDto): Promise<CountySettingsDto> {
    return this.settings.get(countyCode);
  }

  @Put(':countyCode')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a county's settings; a reminder rule left out runs on its default" })
  put(@CurrentActor() actor: Actor, @Param() { countyCode }: CountyCodeParamDto, @Body() body: UpdateCountySettingsDto): Promise<CountySettingsDto> {
    return this.settings.put(actor, countyCode, body);
  }
}
