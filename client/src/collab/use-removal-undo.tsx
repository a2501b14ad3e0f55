import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';

/** Marks the transactions of a removal, so that undo reverts exactly those. */
const REMOVAL = Symbol('removal');

/**
 * Removing an item from a list (an action, a need, a measure) can be undone for a while:
 * a notice says what was removed and offers "Ångra". Undo puts the item back with all its
 * fields, through the same co-editing path as any edit. Only one's own removals are undone.
 */
export function useRemovalUndo(doc: Y.Doc | null, listNames: string[]) {
  const { t } = useTranslation();
  const key = listNames.join(',');
  const undo = useMemo(
    () => (doc && key ? new Y.UndoManager(key.split(',').map((n) => doc.getArray(n)), { trackedOrigins: new Set([REMOVAL]), captureTimeout: 0 }) : null),
    [doc, key],
  );
  const [removed, setRemoved] = useState<string | null>(null);
  useEffect(() => () => undo?.destroy(), [undo]);
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(null), 15_000);
    return () => clearTimeout(timer);
  }, [removed]);

  const remove = <T,>(list: Y.Array<T>, index: number, what: string) => {
    list.doc!.transact(() => list.delete(index, 1), REMOVAL);
    setRemoved(what);
  };
  const notice = removed ? (
    <p role="status" className="removal-notice">
      {t('collab.removed', { what: removed })}{' '}
      <button
        type="button"
        className="button-small"
        onClick={() => {
          undo?.undo();
          setRemoved(null);
        }}
      >
        {t('collab.undo')}
      </button>
    </p>
  ) : null;
  return { remove, notice };
}
