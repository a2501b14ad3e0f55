import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@sip/shared';
import { useComments } from '../../api/comments';
import { useSession } from '../../api/session';
import { useCollabSocket } from '../../collab/use-collab';
import { planSections } from '../plans/plan-sections';
import { SectionEditor, type SharedLists } from '../plans/SectionEditor';

/**
 * The plan's sections the meeting works in, co-edited live as on the plan page (the same
 * editors, socket and rules): the shared part and each principal's actions.
 */
export function MeetingWorkspace({ plan, sections }: { plan: PlanDetail; sections: (name: string) => boolean }) {
  const { t } = useTranslation();
  const { socket } = useCollabSocket();
  const user = useSession().data?.user;
  const comments = useComments(plan.id, socket).data?.comments ?? [];
  const [sharedLists, setSharedLists] = useState<SharedLists>({ needs: [], goals: [] });
  if (!user || !socket) return null;
  const shown = planSections(plan, t).filter((s) => sections(s.name));
  return (
    <section aria-labelledby="meeting-workspace-h" className="workspace">
      <h3 id="meeting-workspace-h">{t('meetings.live.workspace')}</h3>
      {shown.map((s) => (
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
