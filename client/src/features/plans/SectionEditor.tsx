import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Socket } from 'socket.io-client';
import type * as Y from 'yjs';
import { type PlanComment, type PlanDetail, type SectionName, mayComment, sectionFields } from '@sip/shared';
import { RichTextView } from '../../collab/RichTextView';
import type { SocketYjsProvider } from '../../collab/socket-yjs-provider';
import { presentUsers, useSection } from '../../collab/use-collab';
import { useRichTextEditor } from '../../collab/use-rich-text-editor';
import { useRemovalUndo } from '../../collab/use-removal-undo';
import { ActionsTable, type Option } from './ActionsTable';
import { CommentThread } from './CommentThread';
import { ListEditor } from './ListEditor';
import { principalUnits } from './plan-sections';
import { ReadOnlyNotice, RefusalNotices } from './SectionNotices';

type Item = Y.Map<unknown>;

/** The shared section's needs and goals, which each action points to. */
export interface SharedLists {
  needs: Option[];
  goals: Option[];
}

/**
 * One section, co-edited live: its fields, who is here, what was refused, its comments.
 * Memoised: the workspace re-renders as each section loads and as the shared lists change,
 * and re-rendering every section each time was a good part of the plan page's start-up work.
 */
export const SectionEditor = memo(SectionEditorView);

function SectionEditorView({
  socket,
  plan,
  section,
  title,
  me,
  comments,
  sharedLists,
  onSharedLists,
  onLoaded,
}: {
  socket: Socket;
  plan: PlanDetail;
  section: SectionName;
  title: string;
  me: { id: string; name: string };
  comments: PlanComment[];
  sharedLists: SharedLists;
  onSharedLists?: (lists: SharedLists) => void;
  /** Called once the section shows what the server holds, or will show nothing (refused). */
  onLoaded?: (section: SectionName) => void;
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
  const settled = !!provider && (provider.loadedFromServer || provider.status === 'refused');
  useEffect(() => {
    if (settled) onLoaded?.(section);
  }, [settled, onLoaded, section]);
  // Until the server answers the join, the plan's own word on this section.
  const writable = !!(provider?.access ? provider.access.write : plan.sections.find((s) => s.name === section)?.write);
  // The person's own part opens as text with a button to write in it (see opensAsText).
  const [editing, setEditing] = useState(() => !opensAsText(plan));
  const readOnly = !writable || !editing;
  // The editor's code only when there is rich text to write here; read-only text needs none.
  const RichTextEditor = useRichTextEditor(!readOnly && Object.values(sectionFields(section)).includes('rich'));
  // Asked to write: the first field takes focus once its editor is there.
  const sectionRef = useRef<HTMLElement>(null);
  const focusFirst = useRef(false);
  useEffect(() => {
    if (!focusFirst.current || readOnly || (!RichTextEditor && Object.values(sectionFields(section)).includes('rich'))) return;
    focusFirst.current = false;
    sectionRef.current?.querySelector<HTMLElement>('.rich-text, input, textarea, select')?.focus();
  });
  if (!provider || (provider.lastError?.code === 'forbidden' && !provider.access)) return null;
  const others = presentUsers(provider);
  // Taken away while the rest of the plan stays open (the page leaves when nothing is left).
  const revoked = provider.lastError?.code === 'access_revoked' && provider.status === 'refused';
  const remove = (field: string) => (index: number, what: string) => removal.remove(provider.doc.getArray<Item>(field), index, what);
  return (
    // An actions section is a place reminders link to (#actions-<organisationId>).
    <section ref={sectionRef} className="section-editor" aria-labelledby={`${id}-h`} data-section={section} id={section.startsWith('actions:') ? `actions-${section.slice('actions:'.length)}` : undefined}>
      <div className="section-head">
        <h3 id={`${id}-h`}>{title}</h3>
        <span role="status" className={`save-status save-${provider.status}`} data-testid={`save-${section.split(':')[0]}`}>
          {revoked ? '' : saveStatusText(provider, t)}
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
      {revoked ? (
        <p className="alert alert-info">{t('collab.sectionRevoked')}</p>
      ) : (
        <>
          {!writable && <ReadOnlyNotice provider={provider} />}
          {writable && !editing && (
            <button
              type="button"
              className="button-large write-here"
              onClick={() => {
                focusFirst.current = true;
                setEditing(true);
              }}
            >
              {t('person.writeHere')}
            </button>
          )}
          <RefusalNotices provider={provider} />
          {Object.entries(sectionFields(section)).map(([field, kind]) =>
            kind === 'rich' ? (
              <div className="field" key={field}>
                <span className="field-label" id={`${id}-${field}`}>
                  {t(`collab.fields.${field}`)}
                </span>
                {readOnly || !RichTextEditor ? (
                  // Read, not edited: text, and no editor mounted (also while the editor's code is on its way).
                  <RichTextView fragment={provider.doc.getXmlFragment(field)} field={field} labelId={`${id}-${field}`} />
                ) : (
                  <RichTextEditor fragment={provider.doc.getXmlFragment(field)} awareness={provider.awareness} field={field} readOnly={readOnly} labelId={`${id}-${field}`} />
                )}
              </div>
            ) : field === 'actions' ? (
              <fieldset className="list-editor" key={field}>
                <legend>{t('collab.fields.actions')}</legend>
                <ActionsTable
                  label={t('collab.actionsTable', { title })}
                  list={provider.doc.getArray<Item>(field)}
                  readOnly={readOnly}
                  needs={sharedLists.needs}
                  goals={sharedLists.goals}
                  units={principalUnits(plan, section)}
                  onRemove={remove(field)}
                />
              </fieldset>
            ) : (
              <ListEditor key={field} list={provider.doc.getArray<Item>(field)} field={field} readOnly={readOnly} idPrefix={`${id}-${field}`} onRemove={remove(field)} />
            ),
          )}
          {section === 'shared' && <PreparedQuestions questions={plan.questions} canPrepare={plan.permissions.can.prepare} />}
          {removal.notice}
          {provider.access && (
            <CommentThread planId={plan.id} section={section} comments={comments} canComment={mayComment({ exists: true, ...provider.access }, plan.state)} myId={me.id} />
          )}
        </>
      )}
    </section>
  );
}

/** The frågeställningar, written once in the preparation, shown where the plan is read. */
function PreparedQuestions({ questions, canPrepare }: { questions: string[]; canPrepare: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  if (!questions.length) return null;
  return (
    <div className="field">
      <span className="field-label" id={id}>
        {t('collab.preparedQuestions')}
      </span>
      <ul aria-labelledby={id}>{questions.map((q) => <li key={q}>{q}</li>)}</ul>
      {canPrepare && (
        <p className="hint">
          <a href="#preparation">{t('collab.preparedQuestionsWhere')}</a>
        </p>
      )}
    </div>
  );
}

/**
 * Whether writable sections open as text, with a button to write in them: for the person and
 * those who write on their behalf (guardian, representative), whose own part is the only one
 * they write. Read first, written now and then: the page then makes no editor at load (each
 * cost the phone about 0.1 s of main-thread time), nor fetches the editor's code.
 */
export function opensAsText(plan: PlanDetail): boolean {
  return ['person', 'guardian', 'representative'].includes(plan.permissions.as ?? '');
}

/** "Sparat" only when the server has acknowledged every edit; after a refusal, it points to the message. */
function saveStatusText(provider: SocketYjsProvider, t: TFunction): string {
  if (provider.status !== 'refused') return t(`collab.save.${provider.status}`);
  if (provider.refusals.length) return t('collab.save.refusedSeeMessage');
  const error = provider.lastError;
  return error ? `${t('collab.save.refused')} – ${t(`collab.errors.${error.code}`, { defaultValue: t('collab.errors.server_error') })}` : t('collab.save.refused');
}

function optionsOf(doc: Y.Doc, field: string): Option[] {
  return doc
    .getArray<Item>(field)
    .toArray()
    .map((item) => ({ id: String(item.get('id') ?? ''), label: String(item.get('text') ?? '') }))
    .filter((o) => o.id);
}
