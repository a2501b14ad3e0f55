import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '@sip/shared';
import { ApiSession as Anonymous, ok, signedIn } from '../support/api-session';
import { sqlClient } from '../support/database';
import { useTestApp } from '../support/use-test-app';
import { AuditService } from '../../server/src/audit/audit.service';

const app = useTestApp({ admin: true });

describe('audit log', () => {
  it('records sign-in, failed sign-in and sign-out with actor, time, action and target', async () => {
    await new Anonymous(app.t.baseUrl).signIn('eva.lind', 'wrong');
    const eva = await signedIn(app.t.baseUrl, 'eva.lind');
    await eva.post('/api/auth/sign-out');
    const events = ok(await app.admin.get('/api/audit?limit=10'));
    const [signOut, signIn, failed] = events as [AuditEvent, AuditEvent, AuditEvent];
    expect(signOut).toMatchObject({ action: 'auth.sign_out', actorRole: 'practitioner', targetType: 'account' });
    expect(signIn).toMatchObject({ action: 'auth.sign_in', actorId: signOut.actorId, targetId: signOut.actorId });
    expect(failed).toMatchObject({ action: 'auth.sign_in_failed', actorId: null, targetId: signOut.actorId, details: { username: 'eva.lind' } });
    expect(new Date(signOut.at).getTime()).toBeGreaterThanOrEqual(new Date(failed.at).getTime());
    expect(failed.details).not.toHaveProperty('password');
  });

  it('verifies an intact chain', async () => {
    await app.admin.post('/api/organisations', { kind: 'other', name: 'Skolan' });
    const res = ok(await app.admin.get('/api/audit/verify'));
    expect(res.ok).toBe(true);
    expect(res.checked).toBeGreaterThan(20);
  });

  it('stores grouped appends made at once in order, each linked to its predecessor', async () => {
    const audit = app.t.app.get(AuditService);
    const targets = Array.from({ length: 30 }, (_, i) => `grouped-${i}`);
    // Alongside a plain append, which takes the same lock.
    await Promise.all([
      ...targets.map((targetId) => audit.appendGrouped({ actorId: null, actorRole: null, action: 'plan.content.write', targetType: 'section', targetId })),
      audit.append({ actorId: null, actorRole: null, action: 'plan.content.write', targetType: 'section', targetId: 'plain' }),
    ]);
    const db = await sqlClient(app.t.databaseUrl);
    const { rows } = await db.query(`SELECT target_id FROM audit_event WHERE target_id LIKE 'grouped-%' ORDER BY seq`);
    await db.end();
    expect(rows.map((r: { target_id: string }) => r.target_id)).toEqual(targets);
    expect(ok(await app.admin.get('/api/audit/verify')).ok).toBe(true);
  });

  it('is append-only in the database', async () => {
    const db = await sqlClient(app.t.databaseUrl);
    await expect(db.query(`UPDATE audit_event SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await db.end();
  });
});

// Each break of the chain on a server of its own: the file's server keeps an intact chain
// for the tests above, whatever order the tests run in.
describe('audit log change', () => {
  const local = useTestApp({ admin: true });

  it('detects a row changed behind the application’s back', async () => {
    const db = await sqlClient(local.t.databaseUrl);
    // A superuser can bypass the trigger; the hash chain still shows the change.
    await db.query(`SET session_replication_role = replica`);
    await db.query(`UPDATE audit_event SET details = '{"username":"someone-else"}' WHERE seq = 5`);
    const res = await local.admin.get('/api/audit/verify');
    expect(res.body).toEqual({ ok: false, checked: 4, brokenAtSeq: 5 });
    await db.end();
  });
});

describe('audit log deletion', () => {
  const local = useTestApp({ admin: true });

  it('detects a deleted row', async () => {
    const db = await sqlClient(local.t.databaseUrl);
    await db.query(`SET session_replication_role = replica`);
    await db.query(`DELETE FROM audit_event WHERE seq = 3`);
    await db.end();
    expect((await local.admin.get('/api/audit/verify')).body).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });
});
