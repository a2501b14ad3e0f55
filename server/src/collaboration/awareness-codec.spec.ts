import { describe, expect, it } from 'vitest';
import { encodeAwareness, readAwarenessEntries, withIdentity } from './awareness-codec';

describe('awareness codec', () => {
  it('reads back what it wrote, removals included', () => {
    const entries = [
      { clientId: 7, clock: 3, state: JSON.stringify({ cursor: null }) },
      { clientId: 9, clock: 1, state: null },
    ];
    expect(readAwarenessEntries(encodeAwareness(entries))).toEqual(entries);
  });

  it('refuses what is not an awareness update: garbage, trailing bytes, absurd counts', () => {
    expect(readAwarenessEntries(new Uint8Array([5, 1, 2]))).toBeNull();
    const valid = encodeAwareness([{ clientId: 1, clock: 1, state: '{}' }]);
    expect(readAwarenessEntries(new Uint8Array([...valid, 0]))).toBeNull();
    expect(readAwarenessEntries(new Uint8Array([0xe9, 0x07]))).toBeNull(); // 1001 entries claimed
  });

  it('stamps the signed-in name over whatever the client claimed, keeping only a plain colour', () => {
    const actor = { displayName: 'Eva Lind' };
    expect(JSON.parse(withIdentity(JSON.stringify({ user: { name: 'Someone else', colour: '#0b5394' }, cursor: 1 }), actor)!)).toEqual({
      user: { name: 'Eva Lind', colour: '#0b5394' },
      cursor: 1,
    });
    expect(JSON.parse(withIdentity(JSON.stringify({ user: { colour: 'red; background: url(x)' } }), actor)!).user.colour).toBe('#444444');
    expect(withIdentity('[1,2]', actor)).toBeUndefined();
    expect(withIdentity('not json', actor)).toBeUndefined();
  });
});
