import { z } from 'zod';
import {
  COUNTY_CODE_LIST,
  ORGANISATION_KINDS,
  RELATION_KINDS,
  SEXES,
  SYSTEM_ROLES,
} from '../domain/directory';
import { parsePersonnummer } from '../domain/personnummer';
import { passwordSchema } from './auth';
import { nameSchema } from './common';

const countyCodeSchema = z.enum(COUNTY_CODE_LIST);
const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9._-]+$/, 'Only a–z, 0–9, dot, dash and underscore');

// ---- Organisations (huvudmän) ----------------------------------------------------

export const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  countyCode: countyCodeSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const createOrganisationSchema = z
  .object({
    kind: z.enum(ORGANISATION_KINDS),
    name: nameSchema(),
    countyCode: countyCodeSchema.nullable().default(null),
  })
  .strict()
  .refine((o) => o.kind === 'other' || o.countyCode !== null, {
    path: ['countyCode'],
    message: 'A kommun or region must name its county',
    params: { reason: 'county_required' },
  });
export type CreateOrganisation = z.infer<typeof createOrganisationSchema>;

export const updateOrganisationSchema = z
  .object({ name: nameSchema(), countyCode: countyCodeSchema.nullable() })
  .partial()
  .strict();
export type UpdateOrganisation = z.infer<typeof updateOrganisationSchema>;

// ---- Units ---------------------------------------------------------------------

export const unitSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

export const createUnitSchema = z.object({ organisationId: z.uuid(), name: nameSchema() }).strict();
export type CreateUnit = z.infer<typeof createUnitSchema>;
export const updateUnitSchema = z.object({ name: nameSchema() }).strict();
export type UpdateUnit = z.infer<typeof updateUnitSchema>;

export const unitListQuerySchema = z.object({ organisationId: z.uuid().optional() }).strict();
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;

// ---- Staff ---------------------------------------------------------------------

export const staffSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  systemRoles: z.array(z.enum(SYSTEM_ROLES)),
  unitIds: z.array(z.uuid()),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Staff = z.infer<typeof staffSchema>;

const systemRolesSchema = z
  .array(z.enum(SYSTEM_ROLES))
  .min(1)
  .transform((roles) => [...new Set(roles)]);

export const createStaffSchema = z
  .object({
    username: usernameSchema,
    displayName: nameSchema(),
    title: nameSchema().nullable().default(null),
    systemRoles: systemRolesSchema,
    unitIds: z.array(z.uuid()).max(50).default([]),
    password: passwordSchema,
  })
  .strict();
export type CreateStaff = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = z
  .object({
    displayName: nameSchema(),
    title: nameSchema().nullable(),
    systemRoles: systemRolesSchema,
    unitIds: z.array(z.uuid()).max(50),
    password: passwordSchema,
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateStaff = z.infer<typeof updateStaffSchema>;

// ---- Persons (huvudpersoner) and their relatives / guardians --------------------

/** Validates and canonicalises a personnummer or samordningsnummer (format, date, Luhn). */
export const personnummerSchema = z.string().transform((value, ctx) => {
  const parsed = parsePersonnummer(value);
  if (!parsed.ok) {
    const messages = {
      format: 'Write it as YYYYMMDD-NNNN',
      date: 'The date part is not a real date of birth',
      checksum: 'The check digit is wrong',
    } as const;
    ctx.addIssue({ code: 'custom', message: messages[parsed.error], params: { reason: `personnummer_${parsed.error}` } });
    return z.NEVER;
  }
  return parsed.value;
});

const contactSchema = {
  phone: z.string().trim().max(40).regex(/^[0-9 +()-]*$/, 'Digits, spaces, +, ( ) and - only').nullable(),
  email: z.email().max(200).nullable(),
  address: z.string().trim().max(300).nullable(),
};

export const relationSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  accountId: z.uuid(),
  displayName: z.string(),
  username: z.string(),
  kind: z.enum(RELATION_KINDS),
  hasCustody: z.boolean(),
  createdAt: z.string(),
});
export type Relation = z.infer<typeof relationSchema>;

export const personSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Only the birth date part is ever shown: 19850312-****. */
  personnummerMasked: z.string(),
  isSamordningsnummer: z.boolean(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  accountId: z.uuid().nullable(),
  relations: z.array(relationSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const newCitizenAccountSchema = z
  .object({ username: usernameSchema, password: passwordSchema })
  .strict();

export const createPersonSchema = z
  .object({
    name: nameSchema(),
    personnummer: personnummerSchema,
    /** Defaults to the legal sex the personnummer encodes. */
    sex: z.enum(SEXES).optional(),
    phone: contactSchema.phone.default(null),
    email: contactSchema.email.default(null),
    address: contactSchema.address.default(null),
    /** Lets the person sign in themselves. */
    account: newCitizenAccountSchema.optional(),
  })
  .strict();
export type CreatePersonInput = z.input<typeof createPersonSchema>;
export type CreatePerson = z.output<typeof createPersonSchema>;

export const updatePersonSchema = z
  .object({
    name: nameSchema(),
    sex: z.enum(SEXES),
    phone: contactSchema.phone,
    email: contactSchema.email,
    address: contactSchema.address,
  })
  .partial()
  .strict();
export type UpdatePerson = z.infer<typeof updatePersonSchema>;

/** Looking a person up by personnummer goes in a POST body: never in a URL. */
export const personLookupSchema = z.object({ personnummer: personnummerSchema }).strict();
export type PersonLookup = z.output<typeof personLookupSchema>;

export const createRelationSchema = z
  .object({
    kind: z.enum(RELATION_KINDS),
    /** Only meaningful for guardians: whether they have custody (vårdnad). */
    hasCustody: z.boolean().default(false),
    /** Link an existing citizen account… */
    accountId: z.uuid().optional(),
    /** …or create one. */
    newAccount: newCitizenAccountSchema.extend({ displayName: nameSchema() }).strict().optional(),
  })
  .strict()
  .refine((r) => (r.accountId === undefined) !== (r.newAccount === undefined), {
    message: 'Give either accountId or newAccount',
    path: ['accountId'],
    params: { reason: 'account_or_new_account' },
  });
export type CreateRelationInput = z.input<typeof createRelationSchema>;
export type CreateRelation = z.output<typeof createRelationSchema>;

export const relationParamSchema = z.object({ id: z.uuid(), relationId: z.uuid() });

// ---- Citizen accounts, to link as guardians, relatives or representatives --------

export const citizenAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
});
export type CitizenAccount = z.infer<typeof citizenAccountSchema>;

/** Part of a username or name; a few matches, so that the admin picks the right one. */
export const citizenAccountQuerySchema = z.object({ q: z.string().trim().min(2).max(100) }).strict();
