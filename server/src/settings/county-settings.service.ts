import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type CountyCode,
  type CountySettings,
  type PartShares,
  type ReminderDays,
  type UpdateCountySettings,
  DEFAULT_DISCHARGE_CALL_DAYS,
  DEFAULT_PART_SHARES,
  reminderDaysSchema,
  sharesProblem,
} from '@sip/shared';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';

interface CountySettingRow {
  discharge_call_days: number;
  reminder_days: unknown;
  meeting_part_shares: Partial<PartShares> | null;
}
const COLUMNS = 'discharge_call_days, reminder_days, meeting_part_shares';

/**
 * A county's settings (county_setting): read by the plan lifecycle (the discharge call's
 * deadline), the reminder scan (each rule's offset) and meeting mode (each part's share of
 * the time, inside the preparation and live views). The one place an administrator reads and
 * changes them. A county without a row runs on the defaults, so reading one never writes.
 */
@Injectable()
export class CountySettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(countyCode: CountyCode): Promise<CountySettings> {
    const [row]: CountySettingRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM county_setting WHERE county_code = $1`,
      [countyCode],
    );
    return toSettings(countyCode, row);
  }

  /** Replaces the county's settings; the audit row carries what they became. */
  put(actor: Actor, countyCode: CountyCode, input: UpdateCountySettings): Promise<CountySettings> {
    return this.dataSource.transaction(async (m) => {
      const [before]: CountySettingRow[] = await m.query(
        `SELECT ${COLUMNS} FROM county_setting WHERE county_code = $1 FOR UPDATE`,
        [countyCode],
      );
      // The schema has checked the shares (sharesProblem); none given: the defaults ('{}').
      const shares = input.meetingPartShares ?? null;
      const [row]: CountySettingRow[] = await m.query(
        `INSERT INTO county_setting (county_code, discharge_call_days, reminder_days, meeting_part_shares) VALUES ($1, $2, $3, $4)
         ON CONFLICT (county_code) DO UPDATE SET discharge_call_days = EXCLUDED.discharge_call_days, reminder_days = EXCLUDED.reminder_days,
           meeting_part_shares = EXCLUDED.meeting_part_shares
         RETURNING ${COLUMNS}`,
        [countyCode, input.dischargeCallDays, JSON.stringify(input.reminderDays), JSON.stringify(shares ?? {})],
      );
      const previous = toSettings(countyCode, before);
      await this.audit.append(
        {
          actorId: actor.accountId,
          actorRole: auditRole(actor),
          action: 'settings.county.update',
          targetType: 'county',
          targetId: countyCode,
          details: {
            before: {
              dischargeCallDays: previous.dischargeCallDays,
              reminderDays: previous.reminderDays,
              meetingPartShares: previous.meetingPartSharesCustom ? previous.meetingPartShares : null,
            },
            after: { dischargeCallDays: input.dischargeCallDays, reminderDays: input.reminderDays, meetingPartShares: shares },
          },
        },
        m,
      );
      return toSettings(countyCode, row);
    });
  }
}

function toSettings(countyCode: CountyCode, row: CountySettingRow | undefined): CountySettings {
  return {
    countyCode,
    dischargeCallDays: row?.discharge_call_days ?? DEFAULT_DISCHARGE_CALL_DAYS,
    reminderDays: storedReminderDays(row?.reminder_days),
    ...storedShares(row?.meeting_part_shares),
  };
}

/**
 * The shares as meetings use them (effectiveShares): the county's own when they are a valid
 * whole — a row set by hand with only some parts, or out of bounds, changes nothing — else
 * the defaults.
 */
function storedShares(value: Partial<PartShares> | null | undefined): Pick<CountySettings, 'meetingPartShares' | 'meetingPartSharesCustom'> {
  const merged = { ...DEFAULT_PART_SHARES, ...(value ?? {}) };
  const custom = Boolean(value && Object.keys(value).length) && !sharesProblem(merged);
  return { meetingPartShares: custom ? merged : { ...DEFAULT_PART_SHARES }, meetingPartSharesCustom: custom };
}

/**
 * The jsonb as stored. Rows written before this API (by hand or a seed) may hold rules that
 * no longer exist or values out of today's bounds: those are left out rather than refused,
 * since the scan ignores them too (it reads only the rules it knows).
 */
function storedReminderDays(value: unknown): ReminderDays {
  const parsed = reminderDaysSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const kept: Record<string, unknown> = {};
  for (const [rule, days] of Object.entries(value && typeof value === 'object' ? value : {})) {
    if (reminderDaysSchema.shape[rule as keyof ReminderDays]?.safeParse(days).success) kept[rule] = days;
  }
  return reminderDaysSchema.parse(kept);
}
