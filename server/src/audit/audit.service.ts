import { Injectable, type OnModuleDestroy } from '@nestjs/common';
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
/** At most this many events in one grouped append (11 parameters each). */
const GROUP_MAX = 500;

@Injectable()
export class AuditService implements OnModuleDestroy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Events waiting for the next grouped append, and the one being written. */
  private pending: { entry: AuditEntry; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;

  /**
   * Appends an event. Pass the transaction's manager so that the event is stored if and
   * only if the change it describes is.
   */
  async append(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    if (manager?.queryRunner?.isTransactionActive) return this.write(manager, [entry]);
    await this.dataSource.transaction((m) => this.write(m, [entry]));
  }

  /**
   * Appends an event about something already stored (or about to be read), grouped: events
   * that arrive while one transaction writes go together in the next — one lock on the
   * chain, one commit. Resolves once the event is stored. Appends serialise on the chain's
   * lock anyway; one at a time, a burst (a room of people starting to type, each first
   * write audited) would otherwise hold most of the connection pool waiting for that lock,
   * and the document commits and policy queries would wait behind them.
   */
  appendGrouped(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry: { ...entry, at: entry.at ?? new Date() }, resolve, reject });
      if (!this.flushing) this.flushing = this.flushGrouped();
    });
  }

  private async flushGrouped(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, GROUP_MAX);
      try {
        await this.dataSource.transaction((m) => this.write(m, batch.map((p) => p.entry)));
        batch.forEach((p) => p.resolve());
      } catch (error) {
        batch.forEach((p) => p.reject(error));
      }
    }
    this.flushing = null;
  }

  async onModuleDestroy() {
    await this.flushing;
  }

  /** Writes the entries in order, each linked to its predecessor, inside the transaction. */
  private async write(m: EntityManager, entries: AuditEntry[]): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const [last] = await m.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    let seq: number = last ? Number(last.seq) : 0;
    let prevHash: Buffer = last ? last.hash : GENESIS_HASH;
    const values: string[] = [];
    const params: unknown[] = [];
    for (const entry of entries) {
      const row = {
        seq: ++seq,
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
      const hash = chainHash(prevHash, row);
      const n = params.length;
      values.push(`(${Array.from({ length: 11 }, (_, i) => `$${n + i + 1}`).join(', ')})`);
      params.push(row.seq, row.at, row.actorId, row.actorRole, row.action, row.targetType, row.targetId, row.planId, JSON.stringify(row.details), prevHash, hash);
      prevHash = hash;
    }
    await m.query(
      `INSERT INTO audit_event (seq, at, actor_id, actor_role, action, target_type, target_id, plan_id, details, prev_hash, hash)
       VALUES ${values.join(', ')}`,
      params,
    );
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
