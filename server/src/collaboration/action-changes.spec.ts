import { describe, expect, it } from 'vitest';
import { actionFacts, diffActions } from './action-changes';

describe('action changes', () => {
  const facts = (...actions: Record<string, unknown>[]) => actionFacts({ actions });
  it('names each status and due-date change, creation and removal', () => {
    const before = facts({ id: 'a', status: 'planned', dueDate: '2027-01-31' }, { id: 'b', status: 'ongoing' });
    const after = facts({ id: 'a', status: 'done', dueDate: '2027-02-15' }, { id: 'c', status: 'planned', dueDate: '' });
    expect(diffActions(before, after)).toEqual([
      { actionId: 'a', change: 'status', from: 'planned', to: 'done' },
      { actionId: 'a', change: 'due_date', from: '2027-01-31', to: '2027-02-15' },
      { actionId: 'c', change: 'created', from: null, to: 'planned' },
      { actionId: 'b', change: 'removed', from: 'ongoing', to: null },
    ]);
  });

  it('is silent when only other fields change', () => {
    expect(diffActions(facts({ id: 'a', status: 'planned', what: 'x' }), facts({ id: 'a', status: 'planned', what: 'y' }))).toEqual([]);
  });
});
