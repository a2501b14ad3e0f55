import { expect, it } from 'vitest';
import { COLLAB_CLIENT_EVENTS, MEETING_CLIENT_EVENTS } from '@sip/shared';
import { describeRoutes, listRoutes } from '../../server/src/route-inventory';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();

// A change in this file is a permission change: review it as one.
it('lists every route with its declared audience', async () => {
  const routes = listRoutes(app.t.app);
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter((r) => !r.access)).toEqual([]);
  const socketEvents = [
    ...Object.entries(COLLAB_CLIENT_EVENTS).map(([event, need]) => `SOCKET /collab ${event.padEnd(33)}signed-in (handshake) + ${need}`),
    ...Object.entries(MEETING_CLIENT_EVENTS).map(([event, need]) => `SOCKET /meeting ${event.padEnd(32)}signed-in (handshake) + ${need}`),
  ];
  await expect(`${describeRoutes(routes)}${socketEvents.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/route-permissions.txt');
});

it('has every route under /api/plans/:id declare what it needs from the plan policy', () => {
  const planRoutes = listRoutes(app.t.app).filter((r) => r.path.startsWith('/api/plans/:id'));
  expect(planRoutes.length).toBeGreaterThan(10);
  expect(planRoutes.filter((r) => !r.planNeed).map((r) => `${r.method} ${r.path}`)).toEqual([]);
});
