/** Principal kinds (huvudmän): the municipality, the region, or another actor. */
export const ORGANISATION_KINDS = ['kommun', 'region', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** System roles a staff account can hold. Roles inside a plan come with plans. */
export const SYSTEM_ROLES = ['practitioner', 'manager', 'admin'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** Account kinds: staff of an organisation, or a citizen (a person, a relative, a guardian). */
export const ACCOUNT_KINDS = ['staff', 'citizen'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Sex as recorded for statistics. */
export const SEXES = ['female', 'male', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];

/** How a citizen account relates to a person. */
export const RELATION_KINDS = ['guardian', 'relative', 'representative'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Swedish county (län) codes, as used by SCB. */
export const COUNTY_CODES = {
  '01': 'Stockholms län',
  '03': 'Uppsala län',
  '04': 'Södermanlands län',
  '05': 'Östergötlands län',
  '06': 'Jönköpings län',
  '07': 'Kronobergs län',
  '08': 'Kalmar län',
  '09': 'Gotlands län',
  '10': 'Blekinge län',
  '12': 'Skåne län',
  '13': 'Hallands län',
  '14': 'Västra Götalands län',
  '17': 'Värmlands län',
  '18': 'Örebro län',
  '19': 'Västmanlands län',
  '20': 'Dalarnas län',
  '21': 'Gävleborgs län',
  '22': 'Västernorrlands län',
  '23': 'Jämtlands län',
  '24': 'Västerbottens län',
  '25': 'Norrbottens län',
} as const;
export type CountyCode = keyof typeof COUNTY_CODES;
export const COUNTY_CODE_LIST = Object.keys(COUNTY_CODES) as [CountyCode, ...CountyCode[]];
