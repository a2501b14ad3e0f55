import { describe, expect, it } from 'vitest';
import { LIST_LIMITS, TEXT_LIMITS } from '@sip/shared';
import { explainRefusal, lostText } from './refusal';

describe('what a refusal would lose', () => {
  it('lists the edited fields’ text the server does not have', () => {
    const before = {
      currentSituation: 'Bor hos mamma',
      disagreements: 'Someone else’s older text',
      needs: [
        { id: 'a', text: 'Eget boende' },
        { id: 'b', text: 'x'.repeat(2500) },
        { id: 'c', text: '   ' },
      ],
    };
    const after = { currentSituation: '', disagreements: 'Newer text', needs: [{ id: 'a', text: 'Eget boende' }, { id: 'b', text: '' }] };
    expect(lostText('shared', before, after, new Set(['currentSituation', 'needs']))).toEqual([
      { field: 'currentSituation', text: 'Bor hos mamma' },
      { field: 'needs', index: 1, property: 'text', text: 'x'.repeat(2500) },
    ]);
  });

  it('an item the server never got is lost with every text it holds; ids and choices are not text', () => {
    const before = { actions: [{ id: 'k1', what: 'Boendestöd', status: 'not_done', notDoneReason: 'Tackade nej', dueDate: '2027-01-01' }] };
    expect(lostText('actions:7c9e6679-7425-40de-944b-e07fc1f90ae7', before, {}, new Set(['actions']))).toEqual([
      { field: 'actions', index: 0, property: 'what', text: 'Boendestöd' },
      { field: 'actions', index: 0, property: 'notDoneReason', text: 'Tackade nej' },
    ]);
  });

  it('says which limit was broken', () => {
    expect(explainRefusal('shared', { needs: [{ id: 'a', text: 'x'.repeat(2001) }] }, 'schema_violation')).toEqual({ kind: 'tooLong', max: TEXT_LIMITS.item });
    expect(explainRefusal('shared', { currentSituation: 'x'.repeat(20_001) }, 'schema_violation')).toEqual({ kind: 'tooLong', max: TEXT_LIMITS.richText });
    const many = Array.from({ length: LIST_LIMITS.needs + 1 }, (_, i) => ({ id: `n${i}`, text: 'n' }));
    expect(explainRefusal('shared', { needs: many }, 'schema_violation')).toEqual({ kind: 'tooMany', max: LIST_LIMITS.needs });
    expect(explainRefusal('shared', { needs: [{ id: 'a', text: 'ok', extra: 1 }] }, 'schema_violation')).toEqual({ kind: 'code', code: 'schema_violation' });
    expect(explainRefusal('shared', {}, 'too_large')).toEqual({ kind: 'code', code: 'too_large' });
  });
});
