import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, StaffOnly } from '../common/route-access.decorator';
import {
  CreateOrganisationDto,
  CreateUnitDto,
  IdParamDto,
  OrganisationDto,
  UnitDto,
  UnitListQueryDto,
  UpdateOrganisationDto,
  UpdateUnitDto,
} from './directory.dto';
import { OrganisationsService } from './organisations.service';
import { UnitsService } from './units.service';

@ApiTags('directory')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @StaffOnly()
  @ApiOperation({ summary: 'All organisations (huvudmän)' })
  list(): Promise<OrganisationDto[]> {
    return this.organisations.list();
  }

  @Get(':id')
  @StaffOnly()
  get(@Param() { id }: IdParamDto): Promise<OrganisationDto> {
    return this.organisations.get(id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an organisation that has no units' })
  remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    return this.organisations.remove(actor, id);
  }
}

@ApiTags('directory')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @StaffOnly()
  list(@Query() query: UnitListQueryDto): Promise<UnitDto[]> {
    return this.units.list(query.organisationId);
  }

  @Get(':id')
  @StaffOnly()
  get(@Param() { id }: IdParamDto): Promise<UnitDto> {
    return this.units.get(id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a unit that no staff belong to' })
  remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    return this.units.remove(actor, id);
  }
}
