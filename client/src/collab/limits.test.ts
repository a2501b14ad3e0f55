import { describe, expect, it } from 'vitest';
import { ITEM_TEXT_LIMITS, TEXT_LIMITS } from '@sip/shared';
import { fitInsertion, itemTextLimit, showCounter } from './limits';

describe('text limits in the editors', () => {
  it('reads each item property’s limit from the shared schema limits', () => {
    expect(itemTextLimit('text')).toBe(TEXT_LIMITS.item);
    expect(itemTextLimit('followUpNotes')).toBe(TEXT_LIMITS.notes);
    expect(itemTextLimit('when')).toBe(TEXT_LIMITS.short);
    expect(itemTextLimit('dueDate')).toBeUndefined();
    expect(itemTextLimit('toString')).toBeUndefined();
    expect(Object.keys(ITEM_TEXT_LIMITS).every((k) => itemTextLimit(k) !== undefined)).toBe(true);
  });

  it('shows the counter from 90 % of the limit', () => {
    expect(showCounter(1799, 2000)).toBe(false);
    expect(showCounter(1800, 2000)).toBe(true);
    expect(showCounter(180, 200)).toBe(true);
  });

  it('inserts what fits in place of the selection and returns the rest', () => {
    expect(fitInsertion('abc', 3, 3, 'de', 10)).toEqual({ value: 'abcde', caret: 5, overflow: '' });
    expect(fitInsertion('abcXYZ', 3, 6, '12345678', 8)).toEqual({ value: 'abc12345', caret: 8, overflow: '678' });
    expect(fitInsertion('ab|cd', 2, 3, 'xyz', 6)).toEqual({ value: 'abxycd', caret: 4, overflow: 'z' });
    expect(fitInsertion('full', 4, 4, 'more', 4)).toEqual({ value: 'full', caret: 4, overflow: 'more' });
  });

  it('never splits an emoji in two', () => {
    const fitted = fitInsertion('', 0, 0, 'a😀b', 2);
    expect(fitted).toEqual({ value: 'a', caret: 1, overflow: '😀b' });
  });
});
