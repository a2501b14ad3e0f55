import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { ACTION_PERFORMERS, ACTION_STATUSES, ITEM_TEXT_LIMITS } from '@sip/shared';
import { LimitedField } from '../../collab/LimitedField';
import { itemTextLimit } from '../../collab/limits';
import { AddButton } from './ListEditor';
import { ActionsView, type Option } from './ReadOnlyLists';

export type { Option };

type Action = Y.Map<unknown>;
type Column = 'what' | 'needId' | 'goalId' | 'performer' | 'performingUnitId' | 'responsiblePerson' | 'when' | 'frequency' | 'startDate' | 'dueDate' | 'status' | 'followUpNotes';
const COLUMNS: Column[] = ['what', 'needId', 'goalId', 'performer', 'performingUnitId', 'responsiblePerson', 'when', 'frequency', 'startDate', 'dueDate', 'status', 'followUpNotes'];

/**
 * One principal's actions (insatser) as the plan states them: for each, the need it answers
 * and the goal it serves, what is done, who performs it and who is responsible, when and how
 * often, start and due dates, status (with a reason when not done) and follow-up notes. Every
 * cell is a form control bound to the action's Y.Map; on a phone each row becomes a card.
 */
export function ActionsTable({
  list,
  readOnly,
  needs,
  goals,
  units,
  label,
  onRemove,
}: {
  /** Removes the action at the index (the caller offers to undo it). */
  onRemove: (index: number, what: string) => void;
  /** Names the table's scrolling region; unique on the page (the section's title). */
  label: string;
  list: Y.Array<Action>;
  readOnly: boolean;
  needs: Option[];
  goals: Option[];
  units: Option[];
}) {
  const { t } = useTranslation();
  const id = useId();
  // Who performs it: the person's own actions are theirs to mark done ("Det här händer nu").
  const performers = ACTION_PERFORMERS.map((p) => ({ id: p, label: t(`performer.kinds.${p}`) }));
  const options: Partial<Record<Column, Option[]>> = { needId: needs, goalId: goals, performer: performers, performingUnitId: units };
  const add = () => {
    const action = new Y.Map<unknown>();
    list.doc!.transact(() => {
      action.set('id', crypto.randomUUID());
      action.set('what', '');
      action.set('status', 'planned');
      list.push([action]);
    });
  };
  const actions = list.toArray();
  // Read, not edited: as text, a card per action (locked fields cut long text off).
  if (readOnly) {
    return (
      <div className="actions-table">
        <ActionsView list={list} label={label} columns={COLUMNS} options={options} columnLabel={(c) => columnLabel(c as Column, t)} />
      </div>
    );
  }
  return (
    <div className="actions-table">
      {actions.length > 0 ? (
        // Wide on a desktop: the region scrolls sideways and can be reached by keyboard.
        <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col" className="visually-hidden">
                  #
                </th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c} id={`${id}-${c}`}>
                    {columnLabel(c, t)}
                  </th>
                ))}
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('collab.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {actions.map((action, index) => (
                <ActionRow key={String(action.get('id'))} action={action} index={index} tableId={id} readOnly={readOnly} options={options} onRemove={() => onRemove(index, String(action.get('what') ?? ''))} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t('collab.noActions')}</p>
      )}
      {!readOnly && <AddButton field="actions" count={actions.length} onAdd={add} />}
    </div>
  );
}

function ActionRow({
  action,
  index,
  tableId,
  readOnly,
  options,
  onRemove,
}: {
  action: Action;
  index: number;
  tableId: string;
  readOnly: boolean;
  options: Partial<Record<Column, Option[]>>;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  // "Not done" needs a reason (the schema refuses it without one): the choice waits here
  // until the reason is written, then both are stored together.
  const [awaitingReason, setAwaitingReason] = useState(false);
  const rowId = `${tableId}-row-${index}`;
  const stored = String(action.get('status') ?? 'planned');
  const status = awaitingReason ? 'not_done' : stored;
  const reason = String(action.get('notDoneReason') ?? '');
  const chooseStatus = (next: string) => {
    if (next === 'not_done' && !reason.trim()) return setAwaitingReason(true);
    setAwaitingReason(false);
    action.set('status', next);
  };
  const writeReason = (text: string) => {
    action.doc!.transact(() => {
      if (text.trim() || !awaitingReason) action.set('notDoneReason', text);
      if (awaitingReason && text.trim()) action.set('status', 'not_done');
    });
    if (text.trim()) setAwaitingReason(false);
  };
  return (
    <tr>
      <th scope="row" id={rowId} className="row-number">
        <span className="visually-hidden">{t('collab.actionNumber', { n: index + 1 })}</span>
        <span aria-hidden="true">{index + 1}</span>
      </th>
      {COLUMNS.map((c) => {
        const labelledBy = `${tableId}-${c} ${rowId}`;
        const value = String(action.get(c) ?? '');
        const set = (v: string) => (v === '' && c !== 'what' ? action.delete(c) : action.set(c, v));
        let control;
        if (c === 'status') {
          control = (
            <>
              <select aria-labelledby={labelledBy} value={status} disabled={readOnly} onChange={(e) => chooseStatus(e.target.value)}>
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`collab.statuses.${s}`)}
                  </option>
                ))}
              </select>
              {status === 'not_done' && (
                <LimitedField
                  aria-label={`${t('collab.fields.notDoneReason')} ${t('collab.actionNumber', { n: index + 1 })}`}
                  placeholder={t('collab.fields.notDoneReason')}
                  value={awaitingReason ? '' : reason}
                  max={ITEM_TEXT_LIMITS.notDoneReason}
                  readOnly={readOnly}
                  required
                  autoFocus={awaitingReason}
                  onValue={writeReason}
                />
              )}
            </>
          );
        } else if (options[c]) {
          const known = options[c]!.some((o) => o.id === value);
          control = (
            <select aria-labelledby={labelledBy} value={value} disabled={readOnly} onChange={(e) => set(e.target.value)}>
              <option value="">{t('collab.notChosen')}</option>
              {options[c]!.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
              {value && !known && <option value={value}>{t('collab.notInList')}</option>}
            </select>
          );
        } else {
          const max = itemTextLimit(c);
          control =
            max === undefined ? (
              <input aria-labelledby={labelledBy} type="date" value={value} readOnly={readOnly} onChange={(e) => set(e.target.value)} />
            ) : (
              <LimitedField aria-labelledby={labelledBy} type="text" value={value} max={max} readOnly={readOnly} onValue={set} />
            );
        }
        return (
          <td key={c} data-label={columnLabel(c, t)} className={`col-${c}`}>
            {control}
          </td>
        );
      })}
      {!readOnly && (
        <td>
          <button type="button" className="button-small" aria-describedby={rowId} onClick={onRemove}>
            {t('collab.remove')}
          </button>
        </td>
      )}
    </tr>
  );
}

/** The performer's label lives in the follow-up translations (client/src/i18n/follow-up.ts). */
function columnLabel(c: Column, t: (key: string) => string): string {
  return c === 'performer' ? t('performer.title') : t(`collab.fields.${c}`);
}
