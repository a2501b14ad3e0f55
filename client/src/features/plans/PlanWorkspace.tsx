import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { type PlanComment, type PlanDetail, type SectionName, mayComment, sectionFields } from '@sip/shared';
import { useComments } from '../../api/comments';
import { useSession } from '../../api/session';
import { RichTextEditor } from '../../collab/RichTextEditor';
import { presentUsers, useCollabSocket, useSection } from '../../collab/use-collab';
import { useRemovalUndo } from '../../collab/use-removal-undo';
import { ActionsTable, type Option } from './ActionsTable';
import { CommentThread } from './CommentThread';
import { planSections, principalUnits } from './plan-sections';

type Item = Y.Map<unknown>;
const LIST_COLUMNS: Record<string, string[]> = {
  needs: ['text'],
  questions: ['text'],
  goals: ['text', 'term'],
  measures: ['actor', 'what', 'when', 'responsible'],
};

/** Every section the user may read, co-edited live. Lists other than actions are edited item by item. */
export function PlanWorkspace({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const socket = useCollabSocket();
  const user = useSession().data?.user;
  const comments = useComments(plan.id, socket).data?.comments ?? [];
  // The shared section's needs and goals, which each action points to.
  const [sharedLists, setSharedLists] = useState<SharedLists>({ needs: [], goals: [] });
  if (!user) return null;
  const sections = planSections(plan, t);
  return (
    <section aria-labelledby="workspace-h" className="card workspace">
      <h2 id="workspace-h">{t('collab.title')}</h2>
      <p className="hint">{t('collab.intro')}</p>
      {socket &&
        sections.map((s) => (
          <SectionEditor
            key={s.name}
            socket={socket}
            plan={plan}
            section={s.name}
            title={s.title}
            me={{ id: user.id, name: user.displayName }}
            comments={comments.filter((c) => c.section === s.name)}
            sharedLists={sharedLists}
            onSharedLists={s.name === 'shared' ? setSharedLists : undefined}
          />
        ))}
    </section>
  );
}

function SectionEditor({
  socket,
  plan,
  section,
  title,
  me,
  comments,
  sharedLists,
  onSharedLists,
}: {
  socket: Socket;
  plan: PlanDetail;
  section: SectionName;
  title: string;
  me: { id: string; name: string };
  comments: PlanComment[];
  sharedLists: SharedLists;
  onSharedLists?: (lists: SharedLists) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const provider = useSection(socket, plan.id, section, me);
  const removal = useRemovalUndo(
    provider?.doc ?? null,
    Object.entries(sectionFields(section))
      .filter(([, kind]) => kind === 'list')
      .map(([field]) => field),
  );
  const listsJson = onSharedLists && provider ? JSON.stringify({ needs: optionsOf(provider.doc, 'needs'), goals: optionsOf(provider.doc, 'goals') }) : null;
  useEffect(() => {
    if (listsJson && onSharedLists) onSharedLists(JSON.parse(listsJson) as SharedLists);
  }, [listsJson, onSharedLists]);
  if (!provider || (provider.lastError?.code === 'forbidden' && !provider.access)) return null;
  const readOnly = !provider.access?.write;
  const others = presentUsers(provider);
  return (
    <section className="section-editor" aria-labelledby={`${id}-h`} data-section={section}>
      <div className="section-head">
        <h3 id={`${id}-h`}>{title}</h3>
        <span role="status" className={`save-status save-${provider.status}`} data-testid={`save-${section.split(':')[0]}`}>
          {t(`collab.save.${provider.status}`)}
          {provider.status === 'refused' && provider.lastError ? ` – ${t(`collab.errors.${provider.lastError.code}`, { defaultValue: t('collab.errors.server_error') })}` : ''}
        </span>
      </div>
      {others.length > 0 && (
        <p className="presence" data-testid="presence">
          {t('collab.here')}:{' '}
          {others.map((u, i) => (
            <span key={i} className="presence-user">
              <span className="presence-dot" style={{ backgroundColor: u.colour }} aria-hidden="true" />
              {u.name}
            </span>
          ))}
        </p>
      )}
      {readOnly && <p className="hint">{t('collab.readOnly')}</p>}
      {Object.entries(sectionFields(section)).map(([field, kind]) =>
        kind === 'rich' ? (
          <div className="field" key={field}>
            <span className="field-label" id={`${id}-${field}`}>
              {t(`collab.fields.${field}`)}
            </span>
            <RichTextEditor fragment={provider.doc.getXmlFragment(field)} awareness={provider.awareness} field={field} readOnly={readOnly} labelId={`${id}-${field}`} />
          </div>
        ) : (
          field === 'actions' ? (
            <fieldset className="list-editor" key={field}>
              <legend>{t('collab.fields.actions')}</legend>
              <ActionsTable
                label={t('collab.actionsTable', { title })}
                list={provider.doc.getArray<Item>(field)}
                readOnly={readOnly}
                needs={sharedLists.needs}
                goals={sharedLists.goals}
                units={principalUnits(plan, section)}
                onRemove={(index, what) => removal.remove(provider.doc.getArray<Item>(field), index, what)}
              />
            </fieldset>
          ) : (
            <ListEditor
              key={field}
              list={provider.doc.getArray<Item>(field)}
              field={field}
              readOnly={readOnly}
              idPrefix={`${id}-${field}`}
              onRemove={(index, what) => removal.remove(provider.doc.getArray<Item>(field), index, what)}
            />
          )
        ),
      )}
      {removal.notice}
      {provider.access && (
        <CommentThread planId={plan.id} section={section} comments={comments} canComment={mayComment({ exists: true, ...provider.access }, plan.state)} myId={me.id} />
      )}
    </section>
  );
}

interface SharedLists {
  needs: Option[];
  goals: Option[];
}

function optionsOf(doc: Y.Doc, field: string): Option[] {
  return doc
    .getArray<Item>(field)
    .toArray()
    .map((item) => ({ id: String(item.get('id') ?? ''), label: String(item.get('text') ?? '') }))
    .filter((o) => o.id);
}

function ListEditor({
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
                  <input id={inputId} type="text" value={value} readOnly={readOnly} onChange={(e) => item.set(c, e.target.value)} />
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
      {!readOnly && (
        <button type="button" onClick={add}>
          {t('collab.add')}: {t(`collab.fields.${field}`).toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}
