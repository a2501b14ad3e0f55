import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type PlanComment, type PlanDetail, type SectionName, sectionFields } from '@sip/shared';
import { useComments } from '../../api/comments';
import { planKey } from '../../api/plans';
import { sessionKey, useSession } from '../../api/session';
import { useCollabSocket } from '../../collab/use-collab';
import { useRichTextEditor } from '../../collab/use-rich-text-editor';
import { planSections } from './plan-sections';
import { SectionEditor, type SharedLists, opensAsText } from './SectionEditor';
import { SectionPlaceholders, WorkspaceFrame } from './WorkspaceFrame';

/**
 * How long the placeholders may stand in for sections that have not loaded (no connection,
 * a slow server): then the sections are shown as they are, with their save status saying
 * why they are empty.
 */
const SHOW_UNLOADED_AFTER_MS = 4000;
const NO_COMMENTS: PlanComment[] = [];

/** Every section the user may read, co-edited live. Lists other than actions are edited item by item. */
export function PlanWorkspace({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { socket, ended } = useCollabSocket();
  const user = useSession().data?.user;
  const commentList = useComments(plan.id, socket);
  // Per section, and the same arrays until the comments change, so that sections re-render only for their own.
  const commentsBySection = useMemo(() => {
    const by = new Map<string, PlanComment[]>();
    for (const c of commentList.data?.comments ?? []) by.set(c.section, [...(by.get(c.section) ?? []), c]);
    return by;
  }, [commentList.data]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The shared section's needs and goals, which each action points to.
  const [sharedLists, setSharedLists] = useState<SharedLists>({ needs: [], goals: [] });
  // The server closed the connection for good, which is not "offline": with access gone the
  // user leaves the plan and the start page says why.
  useEffect(() => {
    if (ended?.kind === 'access') navigate('/', { replace: true, state: { accessEnded: { person: plan.person.name, cause: ended.cause } } });
    // The layout then finds the session gone and sends the user to sign in, saying why.
    if (ended?.kind === 'session') void queryClient.invalidateQueries({ queryKey: sessionKey });
  }, [ended, navigate, plan.person.name, queryClient]);
  // A change of rights while the plan is open (e.g. it was closed): the page's facts change too.
  useEffect(() => {
    if (!socket) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: planKey(plan.id), exact: true });
    socket.on('access', refresh);
    return () => {
      socket.off('access', refresh);
    };
  }, [socket, queryClient, plan.id]);
  // Shown whole or not at all: the sections stay hidden behind the placeholders until every
  // one has its content from the server and the comments are read, so that the page grows
  // once instead of jumping as each part arrives (see SectionPlaceholders).
  const [loaded, setLoaded] = useState<ReadonlySet<string>>(() => new Set());
  const onLoaded = useCallback((section: string) => setLoaded((done) => (done.has(section) ? done : new Set(done).add(section))), []);
  const [waitedLongEnough, setWaitedLongEnough] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedLongEnough(true), SHOW_UNLOADED_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  // The editor's code is fetched only when the reader may write rich text somewhere; the
  // workspace waits for it too, so that no field turns from text into an editor in view.
  const needsEditor = !opensAsText(plan) && plan.sections.some((s) => s.write && Object.values(sectionFields(s.name as SectionName)).includes('rich'));
  const editorReady = !!useRichTextEditor(needsEditor) || !needsEditor;
  const me = useMemo(() => (user ? { id: user.id, name: user.displayName } : null), [user?.id, user?.displayName]);
  if (!user || !me) return null;
  const sections = planSections(plan, t);
  const whole = waitedLongEnough || (editorReady && !commentList.isPending && sections.every((s) => loaded.has(s.name)));
  return (
    <WorkspaceFrame busy={!whole}>
      {!whole && <SectionPlaceholders plan={plan} />}
      <div hidden={!whole}>
        {socket &&
          sections.map((s) => (
            <SectionEditor
              key={s.name}
              socket={socket}
              plan={plan}
              section={s.name}
              title={s.title}
              me={me}
              comments={commentsBySection.get(s.name) ?? NO_COMMENTS}
              sharedLists={sharedLists}
              onSharedLists={s.name === 'shared' ? setSharedLists : undefined}
              onLoaded={onLoaded}
            />
          ))}
      </div>
    </WorkspaceFrame>
  );
}
