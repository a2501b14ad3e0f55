import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRoutes, listRoutes } from '../../server/src/auth/route-inventory';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// A change in this file is a permission change: review it as one.
it('lists every route with its declared audience', async () => {
  const routes = listRoutes(t.app);
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter((r) => !r.access)).toEqual([]);
  await expect(describeRoutes(routes)).toMatchFileSnapshot('__snapshots__/route-permissions.txt');
});

it('has every route under /api/plans/:id declare what it needs from the plan policy', () => {
  const planRoutes = listRoutes(t.app).filter((r) => r.path.startsWith('/api/plans/:id'));
  expect(planRoutes.length).toBeGreaterThan(10);
  expect(planRoutes.filter((r) => !r.planNeed).map((r) => `${r.method} ${r.path}`)).toEqual([]);
});
