import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../server/src/jobs/clock';
import { signedIn } from '../support/api-session';
import { waitFor } from '../support/collab-client';
import { freePort } from '../support/free-port';
import { MeetingClient, calledPlan } from '../support/meeting-fixtures';
import { ok } from '../support/plan-fixtures';
import { hasRedisServer, startRedis } from '../support/redis-server';
import { startTestApp, type TestApp } from '../support/test-app';

// Runs where redis-server is installed (always in CI, which installs it).
describe.skipIf(!hasRedisServer)('meeting mode on two instances through Redis (needs redis-server)', () => {
  let redis: ChildProcess;
  let one: TestApp;
  let two: TestApp;
  const clients: MeetingClient[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
    one = await startTestApp(env);
    two = await startTestApp(env, { databaseUrl: one.databaseUrl });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await one?.close();
    await two?.close();
    redis?.kill();
  });

  const follow = async (app: TestApp, user: string, planId: string, meetingId: string) => {
    const c = await MeetingClient.connect(app.baseUrl, await signedIn(app.baseUrl, user));
    clients.push(c);
    expect((await c.join(planId, meetingId)).ok).toBe(true);
    return c;
  };

  it('the chair moves the meeting on one instance; followers on the other have each part within a second', async () => {
    const eva = await signedIn(one.baseUrl, 'eva.lind');
    const anders = await signedIn(two.baseUrl, 'anders.nilsson');
    const plan = await calledPlan(eva, anders, { startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    const base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
    const onTwo = await follow(two, 'anders.nilsson', plan.planId, plan.meetingId);
    const onOne = await follow(one, 'birgitta.nilsson', plan.planId, plan.meetingId);
    // Both instances' clocks: the meeting's day.
    for (const app of [one, two]) app.app.get(Clock).travel(new Date(new Date(plan.startsAt).getTime() + 60_000));

    const arrivals: number[] = [];
    let sent = Date.now();
    ok(await eva.post(`${base}/live/start`, {}));
    await onTwo.waitForState('started, on the other instance', (s) => s.status === 'running', 1000);
    arrivals.push(Date.now() - sent);
    for (const part of ['aktuell_situation', 'behov', 'sammanfattning', 'avslutning'] as const) {
      sent = Date.now();
      ok(await eva.post(`${base}/live/part`, { part }));
      await onTwo.waitForState(`${part} on the other instance`, (s) => s.currentPart === part, 1000);
      arrivals.push(Date.now() - sent);
      await onOne.waitForState(`${part} on this instance`, (s) => s.currentPart === part, 1000);
    }
    console.info(`live state across instances arrived after ${arrivals.join(', ')} ms (request included)`);
    expect(Math.max(...arrivals)).toBeLessThan(1000);

    // A shared answer written through instance two tells followers on instance one to read the agenda again.
    const pings = onOne.agendaPings.length;
    ok(await anders.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'behov', questionKey: 'help', text: 'Hjälp med post', shared: true }));
    await waitFor(() => onOne.agendaPings.length > pings, 'agenda news on the other instance', 1000);
    for (const app of [one, two]) app.app.get(Clock).travel(new Date());
  });

  it('a follower on one instance who loses access through the other is told why and receives nothing afterwards', async () => {
    const eva = await signedIn(one.baseUrl, 'eva.lind');
    const anders = await signedIn(one.baseUrl, 'anders.nilsson');
    const plan = await calledPlan(eva, anders, { startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    const base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
    const birgitta = await follow(two, 'birgitta.nilsson', plan.planId, plan.meetingId);
    const keeper = await follow(two, 'anders.nilsson', plan.planId, plan.meetingId);
    const rel = ok(await anders.get(`/api/plans/${plan.planId}`)).relativeCandidates[0];
    ok(await anders.delete(`/api/plans/${plan.planId}/relatives/${rel.allowedParticipantId}`));
    await waitFor(() => birgitta.errors.some((e) => e.code === 'access_revoked'), 'told on the other instance', 1000);
    expect(birgitta.errors.find((e) => e.code === 'access_revoked')).toMatchObject({ meetingId: plan.meetingId, cause: 'relative_removed' });
    for (const app of [one, two]) app.app.get(Clock).travel(new Date(new Date(plan.startsAt).getTime() + 60_000));
    ok(await eva.post(`${base}/live/start`, {}));
    await keeper.waitForState('the keeper follows', (s) => s.status === 'running', 1000);
    await keeper.drained();
    expect(birgitta.states.filter((s) => s.status === 'running')).toEqual([]);
    for (const app of [one, two]) app.app.get(Clock).travel(new Date());
  });
});
