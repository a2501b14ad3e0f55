import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PlanDetail } from '@sip/shared';
import { useComments } from '../../api/comments';
import { planKey } from '../../api/plans';
import { sessionKey, useSession } from '../../api/session';
import { useCollabSocket } from '../../collab/use-collab';
import { planSections } from './plan-sections';
import { SectionEditor, type SharedLists } from './SectionEditor';

/** Every section the user may read, co-edited live. Lists other than actions are edited item by item. */
export function PlanWorkspace({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { socket, ended } = useCollabSocket();
  const user = useSession().data?.user;
  const comments = useComments(plan.id, socket).data?.comments ?? [];
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
