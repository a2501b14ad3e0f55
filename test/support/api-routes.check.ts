/**
 * Compile-time checks of the typed test client (type-checked by `npm run typecheck`, never
 * run): what api-routes.ts promises — a misspelt field of an answer or of a request body
 * does not compile, and an unlisted path answers `unknown`.
 */
import { type ApiSession, ok, problem } from './api-session';

export async function checks(session: ApiSession, planId: string) {
  const detail = ok(await session.get(`/api/plans/${planId}`));
  detail.participants?.map((p) => p.name);
  // @ts-expect-error a misspelt field of PlanDetail
  void detail.participnts;

  const change = ok(await session.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
  void change.planId;
  // @ts-expect-error a plan write answers a PlanChange, not the plan
  void change.id;
  // @ts-expect-error not an action the route takes
  await session.post(`/api/plans/${planId}/transitions`, { action: 'start_preperation' });
  // The escape hatch takes anything.
  await session.request('POST', `/api/plans/${planId}/transitions`, { action: 42 });

  const list = ok(await session.get(`/api/plans/${planId}/comments`));
  void list.comments[0]?.author.name;
  const refused = await session.get(`/api/plans/${planId}/versions/compare?from=a&to=b`);
  void problem(refused).code;
  // @ts-expect-error a response must be checked (ok or problem) before its body is read as either
  void refused.body.changes;

  // An unlisted path answers `any`: tests not yet on the map read bodies as they always did.
  const unlisted = ok(await session.get('/api/not-a-route'));
  void unlisted.anything;
}
