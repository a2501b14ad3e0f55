import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { LIST_LIMITS } from '@sip/shared';
import { LimitedField } from '../../collab/LimitedField';
import { itemTextLimit } from '../../collab/limits';
import { ListView } from './ReadOnlyLists';

type Item = Y.Map<unknown>;
const LIST_COLUMNS: Record<string, string[]> = {
  needs: ['text'],
  goals: ['text', 'term'],
  measures: ['actor', 'what', 'when', 'responsible'],
};

/** The schema's limit on a list's length, when it has one. */
export const listLimit = (field: string): number | undefined => (Object.hasOwn(LIST_LIMITS, field) ? LIST_LIMITS[field as keyof typeof LIST_LIMITS] : undefined);

/** A list other than actions, edited item by item; each text held to the schema's limit. */
export function ListEditor({
  list,
  field,
  readOnly,
  idPrefix,
  onRemove,
}: {
  list: Y.Array<Item>;
  field: string;
  readOnly: boolean;
  idPrefix: string;
  onRemove: (index: number, what: string) => void;
}) {
  const { t } = useTranslation();
  const columns = LIST_COLUMNS[field] ?? ['text'];
  if (readOnly) return <ListView list={list} field={field} columns={columns} />;
  const add = () => {
    const item = new Y.Map<unknown>();
    list.doc!.transact(() => {
      item.set('id', crypto.randomUUID());
      for (const c of columns) item.set(c, c === 'term' ? 'short' : '');
      list.push([item]);
    });
  };
  return (
    <fieldset className="list-editor">
      <legend>{t(`collab.fields.${field}`)}</legend>
      {list.toArray().map((item, index) => (
        <div className="list-item" key={String(item.get('id'))}>
          {columns.map((c) => {
            const inputId = `${idPrefix}-${index}-${c}`;
            const value = String(item.get(c) ?? '');
            return (
              <div className="field" key={c}>
                <label htmlFor={inputId}>{t(`collab.fields.${c}`)}</label>
                {c === 'term' ? (
                  <select id={inputId} value={value} disabled={readOnly} onChange={(e) => item.set('term', e.target.value)}>
                    <option value="long">{t('collab.fields.long')}</option>
                    <option value="short">{t('collab.fields.short')}</option>
                  </select>
                ) : (
                  <LimitedField id={inputId} type="text" value={value} max={itemTextLimit(c)!} readOnly={readOnly} onValue={(v) => item.set(c, v)} />
                )}
              </div>
            );
          })}
          {!readOnly && (
            <button type="button" className="button-small" onClick={() => onRemove(index, String(item.get(columns.includes('what') ? 'what' : 'text') ?? ''))}>
              {t('collab.remove')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && <AddButton field={field} count={list.length} onAdd={add} />}
    </fieldset>
  );
}

/** "Add" — disabled, with the reason beside it, once the list holds as many as the schema allows. */
export function AddButton({ field, count, onAdd }: { field: string; count: number; onAdd: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const max = listLimit(field);
  const full = max !== undefined && count >= max;
  const what = t(`collab.fields.${field}`).toLowerCase();
  return (
    <>
      <button type="button" onClick={onAdd} disabled={full} aria-describedby={full ? id : undefined}>
        {t('collab.add')}: {what}
      </button>
      {full && (
        <p id={id} className="hint">
          {t('limits.listFull', { max, what })}
        </p>
      )}
    </>
  );
}
