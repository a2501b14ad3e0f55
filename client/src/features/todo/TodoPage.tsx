import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TODO_KINDS, type TodoItem, type TodoKind } from '@sip/shared';
import { TODO_PAGE, type TodoFilter, useTodo } from '../../api/follow-up';
import { useSession } from '../../api/session';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatDateTime } from '../../components/format';

/**
 * "Att göra": what needs the practitioner across every plan they reach, nearest date first
 * (the server sorts and scopes). Each row links to the place in the plan where it is done.
 * A table on a desktop; a card per row on a phone.
 */
export function TodoPage() {
  const { t } = useTranslation();
  usePageTitle(t('todo.title'));
  const units = useSession().data?.user?.units ?? [];
  const [filter, setFilter] = useState<TodoFilter>({ kind: '', unitId: '' });
  const [page, setPage] = useState(0);
  const todo = useTodo(filter, page);
  const total = todo.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / TODO_PAGE));
  const choose = (next: Partial<TodoFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(0);
  };
  const filtered = filter.kind !== '' || filter.unitId !== '';

  return (
    <section aria-labelledby="todo-h">
      <h1 id="todo-h">{t('todo.title')}</h1>
      <p>{t('todo.intro')}</p>
      <div className="inline-form todo-filters">
        <div className="field">
          <label htmlFor="todo-kind">{t('todo.kind')}</label>
          <select id="todo-kind" value={filter.kind} onChange={(e) => choose({ kind: e.target.value as TodoKind | '' })}>
            <option value="">{t('todo.allKinds')}</option>
            {TODO_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`todo.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {units.length > 0 && (
          <div className="field">
            <label htmlFor="todo-unit">{t('todo.unit')}</label>
            <select id="todo-unit" value={filter.unitId} onChange={(e) => choose({ unitId: e.target.value })}>
              <option value="">{t('todo.allUnits')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {`${u.name}, ${u.organisationName}`}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <ProblemAlert error={todo.error} />
      {todo.isPending && <p role="status">{t('app.loading')}</p>}
      {todo.data && (
        <p role="status" className="todo-count">
          {total === 0 ? (filtered ? t('todo.emptyFiltered') : t('todo.empty')) : t('todo.count', { count: total })}
        </p>
      )}
      {todo.data && todo.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="worklist todo-table">
            <caption className="visually-hidden">{t('todo.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('todo.columns.what')}</th>
                <th scope="col">{t('todo.columns.person')}</th>
                <th scope="col">{t('todo.columns.about')}</th>
                <th scope="col">{t('todo.columns.unit')}</th>
                <th scope="col">{t('todo.columns.due')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('todo.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {todo.data.items.map((item, i) => (
                <TodoRow key={`${item.link}|${item.kind}|${i}`} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <div className="button-row">
          <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            {t('todo.previous')}
          </button>
          <span>{t('todo.page', { page: page + 1, pages })}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
            {t('todo.next')}
          </button>
        </div>
      )}
    </section>
  );
}

function TodoRow({ item }: { item: TodoItem }) {
  const { t, i18n } = useTranslation();
  const overdue = isOverdue(item);
  const what = t(`todo.kinds.${item.kind}`);
  return (
    <tr className={overdue ? 'overdue' : undefined} data-kind={item.kind}>
      <th scope="row" data-label={t('todo.columns.what')}>
        {what}
        {overdue && <span className="badge badge-danger">{t('todo.overdue')}</span>}
      </th>
      <td data-label={t('todo.columns.person')}>{item.personName}</td>
      <td data-label={t('todo.columns.about')}>{item.label ?? t('plans.none')}</td>
      <td data-label={t('todo.columns.unit')}>{item.unitName ?? t('plans.none')}</td>
      <td data-label={t('todo.columns.due')}>{dueText(item, i18n.language, t)}</td>
      <td>
        <Link className="todo-open" to={item.link} aria-label={t('todo.openFor', { name: item.personName, what: item.label ? `${what} – ${item.label}` : what })}>
          {t('todo.open')}
        </Link>
      </td>
    </tr>
  );
}

/** Overdue by the server's verdict (its clock decides "overdue" kinds); a discharge call by its time. */
function isOverdue(item: TodoItem): boolean {
  if (item.kind === 'action_overdue' || item.kind === 'follow_up_overdue') return true;
  return item.kind === 'call_to_send' && item.dueAt !== null && new Date(item.dueAt).getTime() < Date.now();
}

function dueText(item: TodoItem, language: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!item.dueAt) return t('todo.asap');
  // A call waiting for an answer carries when it was sent; a discharge call a time; the rest a date.
  if (item.kind === 'call_to_answer') return t('todo.sentAt', { date: formatDate(item.dueAt, language) });
  if (item.kind === 'call_to_send') return t('todo.dueBy', { date: formatDateTime(item.dueAt, language) });
  return t('todo.dueBy', { date: formatDate(item.dueAt, language) });
}
