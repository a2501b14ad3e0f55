import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../common/route-access.decorator';
import {
  CreatePersonDto,
  CreateRelationDto,
  IdParamDto,
  PersonDto,
  PersonListQueryDto,
  PersonLookupDto,
  PersonPageDto,
  RelationParamDto,
  UpdatePersonDto,
} from './directory.dto';
import { PersonsService } from './persons.service';

/** Persons are reached by admins only until plans bring the access policy. */
@ApiTags('directory')
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Persons, paged; personnummer masked' })
  list(@Query() query: PersonListQueryDto): Promise<PersonPageDto> {
    return this.persons.list(query.limit, query.offset, query.q);
  }

  @Post('lookup')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Find a person by personnummer (sent in the body, never in the URL)' })
  lookup(@CurrentActor() actor: Actor, @Body() body: PersonLookupDto): Promise<PersonDto> {
    return this.persons.lookup(actor, body.personnummer);
  }

  @Get(':id')
  @Roles('admin')
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<PersonDto> {
    return this.persons.get(actor, id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreatePersonDto): Promise<PersonDto> {
    return this.persons.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdatePersonDto): Promise<PersonDto> {
    return this.persons.update(actor, id, body);
  }

  @Post(':id/relations')
  @Roles('admin')
  @ApiOperation({ summary: 'Link a guardian, relative or representative account to the person' })
  addRelation(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: CreateRelationDto): Promise<PersonDto> {
    return this.persons.addRelation(actor, id, body);
  }

  @Delete(':id/relations/:relationId')
  @Roles('admin')
  removeRelation(@CurrentActor() actor: Actor, @Param() params: RelationParamDto): Promise<PersonDto> {
    return this.persons.removeRelation(actor, params.id, params.relationId);
  }
}
