import { types } from 'pg';
import { SWEDISH_TIME_ZONE } from '@sip/shared';
import type { DataSourceOptions } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { SessionEntity } from '../auth/session.entity';
import { AccountEntity, AccountUnitEntity } from '../directory/account.entity';
import { OrganisationEntity } from '../directory/organisation.entity';
import { PersonEntity, PersonRelationEntity } from '../directory/person.entity';
import { UnitEntity } from '../directory/unit.entity';
import { Foundation1763800000000 } from '../../../migrations/1763800000000-Foundation';
import { Plans1763900000000 } from '../../../migrations/1763900000000-Plans';
import { AccessIndexes1764000000000 } from '../../../migrations/1764000000000-AccessIndexes';
import { Collaboration1764100000000 } from '../../../migrations/1764100000000-Collaboration';
import { ProjectionAndVersions1764200000000 } from '../../../migrations/1764200000000-ProjectionAndVersions';
import { RichText1764300000000 } from '../../../migrations/1764300000000-RichText';
import { Comments1764400000000 } from '../../../migrations/1764400000000-Comments';
import { ConsentEnd1764500000000 } from '../../../migrations/1764500000000-ConsentEnd';
import { FollowUp1764600000000 } from '../../../migrations/1764600000000-FollowUp';
import { FollowUpIndexes1764650000000 } from '../../../migrations/1764650000000-FollowUpIndexes';
import { Motescirkeln1764700000000 } from '../../../migrations/1764700000000-Motescirkeln';
import { Statistics1764800000000 } from '../../../migrations/1764800000000-Statistics';
import { AdminSettings1764900000000 } from '../../../migrations/1764900000000-AdminSettings';
import { StatisticsGrain1765000000000 } from '../../../migrations/1765000000000-StatisticsGrain';
import { ConsentSummary1765100000000 } from '../../../migrations/1765100000000-ConsentSummary';
import { PlannedFollowUpIndex1765200000000 } from '../../../migrations/1765200000000-PlannedFollowUpIndex';
import { OpenActionSummary1765300000000 } from '../../../migrations/1765300000000-OpenActionSummary';
import { CallPlanFacts1765400000000 } from '../../../migrations/1765400000000-CallPlanFacts';
import { ParticipantPlanFacts1765500000000 } from '../../../migrations/1765500000000-ParticipantPlanFacts';

// A calendar date has no time zone: keep PostgreSQL `date` as 'YYYY-MM-DD', never a JS Date
// (which would shift it by the server's offset).
types.setTypeParser(types.builtins.DATE, (value) => value);

export const ENTITIES = [
  OrganisationEntity,
  UnitEntity,
  AccountEntity,
  AccountUnitEntity,
  PersonEntity,
  PersonRelationEntity,
  SessionEntity,
  AuditEventEntity,
];

/** Every migration, in order. Listed explicitly so that compiled and test runs agree. */
export const MIGRATIONS = [Foundation1763800000000, Plans1763900000000, AccessIndexes1764000000000, Collaboration1764100000000, ProjectionAndVersions1764200000000, RichText1764300000000, Comments1764400000000, ConsentEnd1764500000000, FollowUp1764600000000, FollowUpIndexes1764650000000, Motescirkeln1764700000000, Statistics1764800000000, AdminSettings1764900000000, StatisticsGrain1765000000000, ConsentSummary1765100000000, PlannedFollowUpIndex1765200000000, OpenActionSummary1765300000000, CallPlanFacts1765400000000, ParticipantPlanFacts1765500000000];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    logging: false,
    // Every session in Swedish time: `current_date` is the date in Stockholm, as the
    // domain's calendar dates (a consent's last day, due dates) are.
    extra: { max: 20, application_name: 'sip-server', options: `-c timezone=${SWEDISH_TIME_ZONE}` },
  };
}

