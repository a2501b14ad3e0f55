import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  createOrganisationSchema,
  createPersonSchema,
  createRelationSchema,
  createStaffSchema,
  createUnitSchema,
  idParamSchema,
  organisationSchema,
  personLookupSchema,
  personSchema,
  relationParamSchema,
  staffSchema,
  unitListQuerySchema,
  unitSchema,
  updateOrganisationSchema,
  updatePersonSchema,
  updateStaffSchema,
  updateUnitSchema,
} from '@sip/shared';

// DTO classes are thin wrappers that let Nest validate with the shared zod schemas and
// describe them in OpenAPI; the schemas themselves live in @sip/shared.
export class IdParamDto extends createZodDto(idParamSchema) {}
export class RelationParamDto extends createZodDto(relationParamSchema) {}

export class OrganisationDto extends createZodDto(organisationSchema) {}
export class CreateOrganisationDto extends createZodDto(createOrganisationSchema) {}
export class UpdateOrganisationDto extends createZodDto(updateOrganisationSchema) {}

export class UnitDto extends createZodDto(unitSchema) {}
export class UnitListQueryDto extends createZodDto(unitListQuerySchema) {}
export class CreateUnitDto extends createZodDto(createUnitSchema) {}
export class UpdateUnitDto extends createZodDto(updateUnitSchema) {}

export class StaffDto extends createZodDto(staffSchema) {}
export class CreateStaffDto extends createZodDto(createStaffSchema) {}
export class UpdateStaffDto extends createZodDto(updateStaffSchema) {}

export class PersonDto extends createZodDto(personSchema) {}
export class PersonPageDto extends createZodDto(z.object({ items: z.array(personSchema), total: z.number().int() })) {}
export class PersonListQueryDto extends createZodDto(
  z
    .object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
      q: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
) {}
export class CreatePersonDto extends createZodDto(createPersonSchema) {}
export class UpdatePersonDto extends createZodDto(updatePersonSchema) {}
export class PersonLookupDto extends createZodDto(personLookupSchema) {}
export class CreateRelationDto extends createZodDto(createRelationSchema) {}
