import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../common/route-access.decorator';
import { CreateStaffDto, IdParamDto, StaffDto, UpdateStaffDto } from './directory.dto';
import { StaffService } from './staff.service';

@ApiTags('directory')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Roles('admin')
  list(): Promise<StaffDto[]> {
    return this.staff.list();
  }

  @Get(':id')
  @Roles('admin')
  get(@Param() { id }: IdParamDto): Promise<StaffDto> {
    return this.staff.get(id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateStaffDto): Promise<StaffDto> {
    return this.staff.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateStaffDto): Promise<StaffDto> {
    return this.staff.update(actor, id, body);
  }
}
