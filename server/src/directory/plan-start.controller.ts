import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { planPersonLookupSchema, staffDirectoryEntrySchema } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../common/route-access.decorator';
import { PersonLookupService } from './person-lookup.service';
import { StaffDirectoryService } from './staff-directory.service';

class PlanPersonLookupDto extends createZodDto(planPersonLookupSchema) {}
class PlanPersonDto extends createZodDto(z.object({ id: z.uuid(), name: z.string(), birthDate: z.string(), age: z.number().int() })) {}
class StaffDirectoryDto extends createZodDto(z.array(staffDirectoryEntrySchema)) {}
class StaffDirectoryQueryDto extends createZodDto(z.object({ organisationId: z.uuid().optional() }).strict()) {}

/** What a practitioner needs from the directory to start and staff a SIP. */
@ApiTags('plans')
@Controller()
export class PlanStartController {
  constructor(
    private readonly persons: PersonLookupService,
    private readonly staff: StaffDirectoryService,
  ) {}

  @Post('plans/person-lookup')
  @Roles('practitioner')
  @HttpCode(200)
  @ApiOperation({ summary: 'Find the person to start a SIP for, by personnummer (in the body)' })
  lookupPerson(@CurrentActor() actor: Actor, @Body() body: PlanPersonLookupDto): Promise<PlanPersonDto> {
    return this.persons.lookup(actor, body.personnummer);
  }

  @Get('staff-directory')
  @Roles('practitioner')
  @ApiOperation({ summary: 'Practitioners that can be added to a plan: name, title, units' })
  staffDirectory(@Query() query: StaffDirectoryQueryDto): Promise<StaffDirectoryDto> {
    return this.staff.list(query.organisationId);
  }
}
