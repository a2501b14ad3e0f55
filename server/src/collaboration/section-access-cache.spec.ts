import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SectionAccessService } from '../access/section-access.service';
import type { CollabSocket, SectionRef } from './collab-socket';
import { ACCESS_TTL_MS, SectionAccessCache } from './section-access-cache';

const section: SectionRef = { name: 'plan:p1:shared', planId: 'p1', section: 'shared' };
const socket = { id: 's1', data: { actor: { accountId: 'a1', systemRoles: [], unitIds: [] } }, once: () => undefined } as unknown as CollabSocket;

describe('section access cache', () => {
  let asked: number;
  let cache: SectionAccessCache;
  beforeEach(() => {
    vi.useFakeTimers();
    asked = 0;
    const sections = { placeInPlan: async () => (asked++, null) } as unknown as SectionAccessService;
    cache = new SectionAccessCache(sections);
  });
  afterEach(() => {
    cache.onModuleDestroy();
    vi.useRealTimers();
  });

  it('renews an answer in use between uses, and stops once it is no longer used', async () => {
    await cache.get(socket, section, true);
    expect(asked).toBe(1);
    // No use for a while: still renewed in the background, so the next use finds it current.
    await vi.advanceTimersByTimeAsync(ACCESS_TTL_MS * 2);
    expect(asked).toBeGreaterThan(1);
    expect(cache.current(socket.id, section.name)).toBeDefined();
    // Long unused: renewals stop, and the answer expires.
    await vi.advanceTimersByTimeAsync(60_000);
    const settled = asked;
    await vi.advanceTimersByTimeAsync(ACCESS_TTL_MS * 4);
    expect(asked).toBe(settled);
    expect(cache.current(socket.id, section.name)).toBeUndefined();
  });

  it('counts a shared answer’s age from when its queries started', async () => {
    const other = { ...socket, id: 's2' } as unknown as CollabSocket;
    await cache.get(socket, section, true);
    await vi.advanceTimersByTimeAsync(900);
    // Within the shared place's second: the same answer, its age counted from the first ask.
    const entry = await cache.get(other, section, true);
    expect(asked).toBe(1);
    expect(Date.now() - entry.at).toBeGreaterThanOrEqual(900);
  });
});
