import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { newSectionDoc } from '@sip/shared/yjs';
import { stageRecord } from '../event-loop-report';

/**
 * Under load, commits start at most this often (100 a second), so that the updates of one
 * interval share one INSERT and one fsync. Measured in the co-editing benchmark: with a
 * commit started as soon as the previous one ended, 400 updates/s made ~1–2 updates per
 * commit, and each commit's write to PostgreSQL woke its backend (a context switch on a
 * 2-core machine) and cost a round of result parsing in the server.
 */
export const GROUP_COMMIT_INTERVAL_MS = 10;

interface PendingWrite {
  docName: string;
  data: Uint8Array;
  actorId: string;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Yjs documents in PostgreSQL: an append log (`doc_update`) and a snapshot (`doc_snapshot`).
 *
 * Appends are group-committed: updates that arrive while a commit is in flight wait and go
 * together in the next one — one INSERT, one fsync — and each caller learns its sequence
 * only after that commit. Nothing is acknowledged before it is durable.
 */
@Injectable()
export class DocumentStore implements OnModuleDestroy {
  private readonly logger = new Logger('DocumentStore');
  private queue: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastCommitStart = -Infinity;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves with the update's sequence once it is committed. */
  append(docName: string, data: Uint8Array, actorId: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ docName, data, actorId, resolve, reject });
      this.schedule();
    });
  }

  /**
   * One commit at a time, and commits start at most every GROUP_COMMIT_INTERVAL_MS: a lone
   * update commits at once; under load the updates of one interval share one commit.
   */
  private schedule() {
    if (this.flushing || this.timer || !this.queue.length) return;
    const wait = this.lastCommitStart + GROUP_COMMIT_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      this.flushing = this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, wait);
  }

  private async flush(): Promise<void> {
    this.lastCommitStart = performance.now();
    const batch = this.queue;
    this.queue = [];
    stageRecord('commit-batch-size', batch.length);
    try {
      const values: string[] = [];
      const params: unknown[] = [];
      for (const w of batch) {
        values.push(`($${params.length + 1}, $${params.length + 2}, $${params.length + 3})`);
        params.push(w.docName, Buffer.from(w.data), w.actorId);
      }
      const rows: { id: string }[] = await this.dataSource.query(
        `INSERT INTO doc_update (doc_name, data, actor_id) VALUES ${values.join(',')} RETURNING id`,
        params,
      );
      // RETURNING keeps VALUES order for a single multi-row INSERT.
      batch.forEach((w, i) => w.resolve(Number(rows[i]!.id)));
    } catch (error) {
      this.logger.error({ err: { message: (error as Error).message } }, 'Storing document updates failed');
      batch.forEach((w) => w.reject(error));
    }
    this.flushing = null;
    this.schedule();
  }

  /**
   * The document as stored: snapshot plus every later update, and the last sequence in it.
   * One statement, so one view of the tables: a compaction committing between reading the
   * snapshot and reading the log could otherwise hide the rows it folded in.
   */
  async load(docName: string, manager: { query: DataSource['query'] } = this.dataSource): Promise<{ doc: Y.Doc; lastId: number; updates: number }> {
    const doc = newSectionDoc();
    const rows: { part: number; id: string; data: Buffer }[] = await manager.query(
      `WITH snap AS (SELECT last_update_id, data FROM doc_snapshot WHERE doc_name = $1)
       SELECT 0 AS part, last_update_id AS id, data FROM snap
       UNION ALL
       SELECT 1, u.id, u.data FROM doc_update u
        WHERE u.doc_name = $1 AND u.id > coalesce((SELECT last_update_id FROM snap), 0)
       ORDER BY part, id`,
      [docName],
    );
    // Applying in one transaction is far cheaper than merging updates one by one.
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    const lastId = rows.length ? Number(rows[rows.length - 1]!.id) : 0;
    return { doc, lastId, updates: rows.filter((r) => r.part === 1).length };
  }

  /**
   * Folds the log into the snapshot. Guarded: a snapshot never replaces a newer one, and
   * only the rows it contains are deleted, in the same transaction.
   */
  async compact(docName: string): Promise<{ merged: number }> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [docName]);
      const { doc, lastId, updates } = await this.load(docName, m);
      if (!updates) return { merged: 0 };
      await m.query(
        `INSERT INTO doc_snapshot (doc_name, last_update_id, data) VALUES ($1, $2, $3)
         ON CONFLICT (doc_name) DO UPDATE SET last_update_id = excluded.last_update_id, data = excluded.data, updated_at = now()
           WHERE doc_snapshot.last_update_id <= excluded.last_update_id`,
        [docName, lastId, Buffer.from(Y.encodeStateAsUpdate(doc))],
      );
      await m.query('DELETE FROM doc_update WHERE doc_name = $1 AND id <= $2', [docName, lastId]);
      doc.destroy();
      return { merged: updates };
    });
  }

  async onModuleDestroy() {
    // What is waiting for its interval commits now.
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastCommitStart = -Infinity;
    while (this.flushing || this.queue.length) {
      await this.flushing;
      if (!this.flushing && this.queue.length) this.flushing = this.flush();
    }
  }
}
