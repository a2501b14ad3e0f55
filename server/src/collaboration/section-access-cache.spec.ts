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

describe('section access cache, while an answer is on its way', () => {
  let release: (place: null) => void;
  let cache: SectionAccessCache;
  beforeEach(() => {
    const sections = { placeInPlan: () => new Promise((resolve) => (release = resolve)) } as unknown as SectionAccessService;
    cache = new SectionAccessCache(sections);
  });
  afterEach(() => cache.onModuleDestroy());

  it('keeps no answer asked with an account read again meanwhile (its units or roles changed)', async () => {
    const mine = { ...socket, id: 's3', data: { actor: { accountId: 'a3', systemRoles: ['practitioner'], unitIds: ['u1'] } }, disconnected: false } as unknown as CollabSocket;
    const asking = cache.get(mine, section, true);
    mine.data.actor = { ...mine.data.actor, unitIds: [] };
    release(null);
    await asking;
    expect(cache.current(mine.id, section.name)).toBeUndefined();
  });

  it('keeps nothing for a socket that disconnected while its answer was on its way', async () => {
    const gone = { ...socket, id: 's4', disconnected: false } as unknown as CollabSocket & { disconnected: boolean };
    const asking = cache.get(gone, section, true);
    cache.forgetSocket(gone.id);
    gone.disconnected = true;
    release(null);
    await asking;
    expect(cache.current(gone.id, section.name)).toBeUndefined();
  });

  it('keeps only the section’s names, not the loaded document it was asked for', async () => {
    const loaded = { ...section, doc: { big: 'a Y.Doc' } } as SectionRef;
    const reader = { ...socket, id: 's5', disconnected: false } as unknown as CollabSocket;
    const asking = cache.get(reader, loaded, true);
    release(null);
    await asking;
    expect(cache.current(reader.id, section.name)?.use?.section).toEqual(section);
  });
});
