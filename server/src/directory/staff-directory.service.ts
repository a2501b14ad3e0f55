import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StaffDirectoryEntry } from '@sip/shared';

interface StaffDirectoryRow {
  id: string;
  display_name: string;
  title: string | null;
  units: StaffDirectoryEntry['units'];
}

/** Staff that practitioners may add to a plan: names, titles and units only. */
@Injectable()
export class StaffDirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId?: string): Promise<StaffDirectoryEntry[]> {
    const rows: StaffDirectoryRow[] = await this.dataSource.query(
      `SELECT a.id, a.display_name, a.title,
              json_agg(json_build_object('id', u.id, 'name', u.name, 'organisationId', o.id, 'organisationName', o.name) ORDER BY u.name) AS units
         FROM account a JOIN account_unit au ON au.account_id = a.id
         JOIN unit u ON u.id = au.unit_id JOIN organisation o ON o.id = u.organisation_id
        WHERE a.kind = 'staff' AND NOT a.disabled AND 'practitioner' = ANY(a.system_roles)
          AND ($1::uuid IS NULL OR o.id = $1)
        GROUP BY a.id ORDER BY a.display_name`,
      [organisationId ?? null],
    );
    return rows.map((r) => ({ id: r.id, name: r.display_name, title: r.title, units: r.units }));
  }
}
