import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { formatDate } from '../../components/format';

/** A choice in a list (a need, a goal, a unit): its id and what it is called. */
export interface Option {
  id: string;
  label: string;
}

type Item = Y.Map<unknown>;

const text = (item: Item, key: string) => String(item.get(key) ?? '').trim();

/**
 * A list the reader may not change (needs, goals, questions, others' measures), shown as a
 * list of text rather than as locked form fields, whose boxes cut long text off on a phone.
 */
export function ListView({ list, field, columns }: { list: Y.Array<Item>; field: string; columns: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const items = list.toArray();
  return (
    <div className="field list-view" data-field={field}>
      <span className="field-label" id={`${id}-h`}>
        {t(`collab.fields.${field}`)}
      </span>
      {items.length === 0 ? (
        <p className="empty">{t('person.emptyList')}</p>
      ) : (
        <ul aria-labelledby={`${id}-h`}>
          {items.map((item, i) => (
            <li key={String(item.get('id') ?? i)}>
              {columns.length === 1 ? (
                text(item, columns[0]!) || t('person.emptyText')
              ) : columns[0] === 'text' ? (
                // A goal: its text, and whether it is long or short term.
                <>
                  {text(item, 'text') || t('person.emptyText')}
                  {text(item, 'term') && <span className="list-view-term"> ({t(`collab.fields.${text(item, 'term')}`)})</span>}
                </>
              ) : (
                <dl className="facts">
                  {columns
                    .filter((c) => text(item, c))
                    .map((c) => (
                      <div key={c}>
                        <dt>{t(`collab.fields.${c}`)}</dt>
                        <dd>{text(item, c)}</dd>
                      </div>
                    ))}
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A principal's actions for a reader who may not change them: one card per action, with
 * what is done as its heading and the rest as label and value, empty ones left out. Long
 * text wraps instead of being cut off in a locked field.
 */
export function ActionsView({
  list,
  label,
  columns,
  options,
  columnLabel,
}: {
  list: Y.Array<Item>;
  label: string;
  columns: readonly string[];
  options: Partial<Record<string, Option[]>>;
  columnLabel: (column: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const actions = list.toArray();
  if (actions.length === 0) return <p className="hint">{t('collab.noActions')}</p>;
  const valueOf = (action: Item, c: string): string => {
    const value = text(action, c);
    if (!value) return '';
    if (c === 'status') {
      const status = t(`collab.statuses.${value}`);
      const reason = value === 'not_done' ? text(action, 'notDoneReason') : '';
      return reason ? `${status} – ${reason}` : status;
    }
    if (c === 'startDate' || c === 'dueDate') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, i18n.language) : value;
    const choices = options[c];
    if (choices) return choices.find((o) => o.id === value)?.label ?? t('collab.notInList');
    return value;
  };
  return (
    <ol className="action-cards" aria-label={label}>
      {actions.map((action, index) => (
        <li key={String(action.get('id') ?? index)} className="action-card">
          <h4>{text(action, 'what') || t('person.action', { n: index + 1 })}</h4>
          <dl className="facts">
            {columns
              .filter((c) => c !== 'what' && valueOf(action, c))
              .map((c) => (
                <div key={c} className={`fact-${c}`}>
                  <dt>{columnLabel(c)}</dt>
                  <dd>{valueOf(action, c)}</dd>
                </div>
              ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
