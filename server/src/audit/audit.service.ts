import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, AuditEvent, AuditListQuery, AuditVerification } from '@sip/shared';
import { AuditEventEntity } from './audit-event.entity';
import { GENESIS_HASH, chainHash } from './audit-chain';
import { AUDIT_LIST_SQL, type AuditListRow } from './audit-list.sql';

export interface AuditEntry {
  actorId: string | null;
  actorRole: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  planId?: string | null;
  /** Never put personnummer, passwords or plan text here. */
  details?: Record<string, unknown>;
  /**
   * When the event happened, if not now: only the demo seed passes one, so that its
   * fictitious history is logged at the times its other tables show.
   */
  at?: Date;
}

// Any constant works; it serialises appends so that each row links to its predecessor.
const AUDIT_LOCK_KEY = 7_202_611;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event. Pass the transaction's manager so that the event is stored if and
   * only if the change it describes is.
   */
  async append(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const write = async (m: EntityManager) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
      const [last] = await m.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
      const row = {
        seq: last ? Number(last.seq) + 1 : 1,
        // Millisecond precision, so that the value read back hashes the same.
        at: new Date(Math.floor((entry.at ?? new Date()).getTime())),
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        planId: entry.planId ?? null,
        details: entry.details ?? {},
      };
      const prevHash: Buffer = last ? last.hash : GENESIS_HASH;
      await m.query(
        `INSERT INTO audit_event (seq, at, actor_id, actor_role, action, target_type, target_id, plan_id, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [row.seq, row.at, row.actorId, row.actorRole, row.action, row.targetType, row.targetId, row.planId, JSON.stringify(row.details), prevHash, chainHash(prevHash, row)],
      );
    };
    if (manager?.queryRunner?.isTransactionActive) return write(manager);
    await this.dataSource.transaction(write);
  }

  /** A page of the log, newest first, narrowed by the query's filters. */
  async list(query: AuditListQuery): Promise<AuditEvent[]> {
    const rows: AuditListRow[] = await this.dataSource.query(AUDIT_LIST_SQL, [
      query.beforeSeq ?? null,
      query.planId ?? null,
      query.actorUsername ?? null,
      query.action ?? null,
      query.from ?? null,
      query.to ?? null,
      query.limit,
    ]);
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorRole: r.actor_role,
      actorName: r.actor_name,
      actorUsername: r.actor_username,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      planId: r.plan_id,
      details: r.details,
    }));
  }

  /**
   * Walks the whole chain in order and recomputes every hash. A changed, inserted or
   * deleted row breaks the chain at that row.
   */
  async verify(batchSize = 5000): Promise<AuditVerification> {
    let prevHash: Buffer = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.seq >= :from', { from: expectedSeq })
        .orderBy('e.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      if (rows.length === 0) return { ok: true, checked, brokenAtSeq: null };
      for (const row of rows) {
        const valid =
          row.seq === expectedSeq &&
          row.prevHash.equals(prevHash) &&
          row.hash.equals(chainHash(prevHash, row));
        if (!valid) return { ok: false, checked, brokenAtSeq: expectedSeq };
        prevHash = row.hash;
        expectedSeq++;
        checked++;
      }
    }
  }
}
