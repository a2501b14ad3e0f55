import { luhnCheckDigit } from '@sip/shared';
import type { OrganisationKind, RelationKind, StatisticsScopeLevel, SystemRole } from '@sip/shared';

/** Every demo account signs in with this password (README lists the accounts). */
export const DEMO_PASSWORD = 'sip-demo-2026';

/** A fictitious, valid personnummer for the given date and serial (check digit computed). */
export function demoPersonnummer(yyyymmdd: string, serial: string): string {
  return `${yyyymmdd}${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
}

export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  countyCode: '03' | null;
  units: { key: string; name: string }[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'uppsala-kommun',
    kind: 'kommun',
    name: 'Uppsala kommun',
    countyCode: '03',
    units: [
      { key: 'vuxenenheten', name: 'Socialtjänsten – Vuxenenheten' },
      { key: 'barn-och-unga', name: 'Socialtjänsten – Barn och unga' },
    ],
  },
  {
    key: 'region-uppsala',
    kind: 'region',
    name: 'Region Uppsala',
    countyCode: '03',
    units: [
      { key: 'vuxenpsykiatri', name: 'Vuxenpsykiatrimottagningen Uppsala' },
      { key: 'bup', name: 'BUP Uppsala' },
    ],
  },
  {
    key: 'forsakringskassan',
    kind: 'other',
    name: 'Försäkringskassan',
    countyCode: null,
    units: [{ key: 'fk-uppsala', name: 'Lokalt försäkringscenter Uppsala' }],
  },
];

export interface DemoStaff {
  username: string;
  displayName: string;
  title: string;
  systemRoles: SystemRole[];
  units: string[];
  /** A manager's statistics scope (unset: their own units). */
  statisticsScope?: StatisticsScopeLevel;
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'eva.lind', displayName: 'Eva Lind', title: 'Socialsekreterare', systemRoles: ['practitioner'], units: ['vuxenenheten'] },
  { username: 'omar.haddad', displayName: 'Omar Haddad', title: 'Socialsekreterare', systemRoles: ['practitioner'], units: ['barn-och-unga'] },
  { username: 'karin.berg', displayName: 'Karin Berg', title: 'Enhetschef', systemRoles: ['manager'], units: ['vuxenenheten'], statisticsScope: 'units' },
  { username: 'jonas.ek', displayName: 'Jonas Ek', title: 'Sjuksköterska', systemRoles: ['practitioner'], units: ['vuxenpsykiatri'] },
  { username: 'lars.holm', displayName: 'Lars Holm', title: 'Läkare', systemRoles: ['practitioner'], units: ['vuxenpsykiatri'] },
  { username: 'sara.nord', displayName: 'Sara Nord', title: 'Kurator', systemRoles: ['practitioner'], units: ['bup'] },
  { username: 'maria.sund', displayName: 'Maria Sund', title: 'Verksamhetschef', systemRoles: ['manager'], units: ['vuxenpsykiatri'], statisticsScope: 'organisation' },
  { username: 'peter.falk', displayName: 'Peter Falk', title: 'Handläggare', systemRoles: ['practitioner'], units: ['fk-uppsala'] },
  { username: 'helena.ros', displayName: 'Helena Ros', title: 'Sektionschef', systemRoles: ['manager'], units: ['fk-uppsala'], statisticsScope: 'organisation' },
  { username: 'admin', displayName: 'Alex Admin', title: 'Systemförvaltare', systemRoles: ['admin'], units: [] },
];

export interface DemoPerson {
  name: string;
  personnummer: string;
  /** Username of the person's own account, when they sign in themselves. */
  username?: string;
  phone?: string;
  address?: string;
  relations: { username: string; displayName: string; kind: RelationKind; hasCustody?: boolean }[];
}

export const DEMO_PERSONS: DemoPerson[] = [
  {
    name: 'Anders Nilsson',
    personnummer: demoPersonnummer('19850312', '239'),
    username: 'anders.nilsson',
    phone: '070-123 45 67',
    address: 'Svartbäcksgatan 10, 753 20 Uppsala',
    relations: [{ username: 'birgitta.nilsson', displayName: 'Birgitta Nilsson', kind: 'relative' }],
  },
  {
    name: 'Elin Johansson',
    personnummer: demoPersonnummer('20110314', '246'),
    username: 'elin.johansson',
    relations: [
      { username: 'maria.johansson', displayName: 'Maria Johansson', kind: 'guardian', hasCustody: true },
      { username: 'peter.johansson', displayName: 'Peter Johansson', kind: 'guardian', hasCustody: true },
    ],
  },
  {
    name: 'Gunnel Andersson',
    personnummer: demoPersonnummer('19440502', '128'),
    address: 'Luthagsesplanaden 5, 752 25 Uppsala',
    relations: [],
  },
  {
    name: 'Mohammed Ali',
    // A samordningsnummer: the day of birth plus 60.
    personnummer: demoPersonnummer('19920781', '355'),
    relations: [],
  },
  {
    name: 'Sofia Karlsson',
    personnummer: demoPersonnummer('19920815', '382'),
    username: 'sofia.karlsson',
    relations: [],
  },
];
