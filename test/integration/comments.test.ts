import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollabCommentEvent, documentName } from '@sip/shared';
import { type ApiSession, ok, problem } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { plan } from '../support/plan-builder';
import type { DirectoryIds } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const s: Record<string, ApiSession> = {};
const clients: CollabClient[] = [];
let ids: DirectoryIds;

beforeAll(async () => {
  for (const u of ['eva.lind', 'jonas.ek', 'anders.nilsson', 'birgitta.nilsson', 'peter.falk']) s[u] = await app.as(u);
});
afterAll(() => clients.forEach((c) => c.close()));

/** Each test's own plan: Anders's, consent for kommun and region, Jonas taking part, Birgitta allowed. */
async function andersPlan(): Promise<string> {
  const built = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region'], { informationKinds: ['social_services', 'psychiatry'] }).withParticipant('Jonas Ek').withRelative('birgitta').build();
  ids = built.ids;
  return built.id;
}

const comments = async (planId: string, user: string) => ok(await s[user]!.get(`/api/plans/${planId}/comments`)).comments;

/** Birgitta's comment on the shared part, and Jonas's on the region's actions, which he removes again. */
async function twoComments(planId: string) {
  ok(await s['birgitta.nilsson']!.post(`/api/plans/${planId}/comments`, { section: 'shared', body: 'Anders sover dåligt sedan flytten.' }));
  const own = ok(await s['jonas.ek']!.post(`/api/plans/${planId}/comments`, { section: `actions:${ids.region}`, body: 'Vi behöver läkarintyget först.' }));
  ok(await s['jonas.ek']!.delete(`/api/plans/${planId}/comments/${own.id}`));
}

describe('comments on a section', () => {
  it('a relative, who may not edit, comments; everyone with the section open gets it at once', async () => {
    const planId = await andersPlan();
    const eva = await CollabClient.connect(app.t.baseUrl, s['eva.lind']!);
    clients.push(eva);
    await eva.open(planId, 'shared');
    const pushed: CollabCommentEvent[] = [];
    eva.socket.on('comment', (e: CollabCommentEvent) => pushed.push(e));

    const res = await s['birgitta.nilsson']!.post(`/api/plans/${planId}/comments`, { section: 'shared', body: '  Anders sover dåligt sedan flytten.  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ section: 'shared', body: 'Anders sover dåligt sedan flytten.', author: { name: 'Birgitta Nilsson' }, removedAt: null });
    await waitFor(() => pushed.length === 1, 'the comment pushed to the open section');
    expect(pushed[0]).toEqual({ doc: documentName(planId, 'shared'), comment: res.body });

    for (const reader of ['eva.lind', 'jonas.ek', 'anders.nilsson', 'birgitta.nilsson']) {
      expect((await comments(planId, reader)).map((c) => c.body)).toEqual(['Anders sover dåligt sedan flytten.']);
    }
  });

  it('is refused for someone who cannot reach the plan, and for bad input; nothing is stored', async () => {
    const planId = await andersPlan();
    const before = (await comments(planId, 'eva.lind')).length;
    expect((await s['peter.falk']!.post(`/api/plans/${planId}/comments`, { section: 'shared', body: 'x' })).status).toBe(404);
    expect((await s['peter.falk']!.get(`/api/plans/${planId}/comments`)).status).toBe(404);
    for (const body of [{ section: 'shared', body: '   ' }, { section: 'shared', body: 'x'.repeat(2001) }, { section: 'secret', body: 'x' }, { section: 'actions:not-a-uuid', body: 'x' }, { section: 'shared', body: 'x', extra: 1 }, { section: 'shared' }]) {
      const res = await s['eva.lind']!.request('POST', `/api/plans/${planId}/comments`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(problem(res).code).toBe('validation_failed');
    }
    expect((await comments(planId, 'eva.lind')).length).toBe(before);
  });

  it('the author removes their own comment — not someone else’s; who and when remain', async () => {
    const planId = await andersPlan();
    const own = ok(await s['jonas.ek']!.post(`/api/plans/${planId}/comments`, { section: `actions:${ids.region}`, body: 'Vi behöver läkarintyget först.' }));
    const forbidden = await s['eva.lind']!.delete(`/api/plans/${planId}/comments/${own.id}`);
    expect(forbidden.status).toBe(403);
    const removed = ok(await s['jonas.ek']!.delete(`/api/plans/${planId}/comments/${own.id}`));
    expect(removed).toMatchObject({ id: own.id, body: null, author: { name: 'Jonas Ek' } });
    expect(removed.removedAt).not.toBeNull();
    expect((await s['jonas.ek']!.delete(`/api/plans/${planId}/comments/${own.id}`)).status).toBe(409);
    expect((await s['jonas.ek']!.delete(`/api/plans/${planId}/comments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const seen = (await comments(planId, 'anders.nilsson')).find((c) => c.id === own.id);
    expect(seen).toMatchObject({ body: null, author: { name: 'Jonas Ek' } });
    // The words are gone from the database too, not only from the answer.
    const db = await sqlClient(app.t.databaseUrl);
    const { rows } = await db.query('SELECT body FROM plan_comment WHERE id = $1', [own.id]);
    expect(rows[0].body).toBeNull();
    await db.end();
  });

  it('every read and write is in the audit log, without the words', async () => {
    const planId = await andersPlan();
    await twoComments(planId);
    await comments(planId, 'anders.nilsson');
    const db = await sqlClient(app.t.databaseUrl);
    const { rows } = await db.query(`SELECT action, details::text AS details FROM audit_event WHERE plan_id = $1 AND action LIKE 'plan.comment.%' ORDER BY seq`, [planId]);
    await db.end();
    const actions = rows.map((r: { action: string }) => r.action);
    expect(actions.filter((a: string) => a === 'plan.comment.add').length).toBe(2);
    expect(actions).toContain('plan.comment.remove');
    expect(actions).toContain('plan.comment.read');
    expect(rows.map((r: { details: string }) => r.details).join(' ')).not.toMatch(/sover|läkarintyget/);
  });

  it('a closed plan keeps its comments readable and takes no new ones', async () => {
    const planId = await andersPlan();
    await twoComments(planId);
    const consentId = ok(await s['anders.nilsson']!.get(`/api/plans/${planId}`)).consents![0]!.id;
    ok(await s['anders.nilsson']!.post(`/api/plans/${planId}/consents/${consentId}/withdraw`, {}));
    expect((await comments(planId, 'anders.nilsson')).length).toBeGreaterThan(0);
    const res = await s['anders.nilsson']!.post(`/api/plans/${planId}/comments`, { section: 'person', body: 'Efteråt' });
    expect(res.status).toBe(403);
  });
});
