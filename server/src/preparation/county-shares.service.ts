import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CountyCode, type PartShares, effectiveShares } from '@sip/shared';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';

/** Each county's shares of the meeting's time (county_setting.meeting_part_shares). */
@Injectable()
export class CountySharesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(county: CountyCode) {
    const [row]: { meeting_part_shares: Partial<PartShares> }[] = await this.dataSource.query('SELECT meeting_part_shares FROM county_setting WHERE county_code = $1', [county]);
    const custom = Boolean(row && Object.keys(row.meeting_part_shares).length);
    return { county, shares: effectiveShares(row?.meeting_part_shares), custom };
  }

  /** The schema has checked the shares (whole per cents, 100 in all, behov the largest). */
  async set(actor: Actor, county: CountyCode, shares: PartShares) {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO county_setting (county_code, meeting_part_shares) VALUES ($1, $2)
         ON CONFLICT (county_code) DO UPDATE SET meeting_part_shares = excluded.meeting_part_shares`,
        [county, JSON.stringify(shares)],
      );
      await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'directory.county.update', targetType: 'county', targetId: county, details: { meetingPartShares: shares } }, m);
    });
    return this.get(county);
  }
}
