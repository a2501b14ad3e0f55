import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@sip/shared';

// The editor is large: only meeting mode's parts 3 and 4 bring it.
const MeetingWorkspace = lazy(() => import('./MeetingWorkspace').then((m) => ({ default: m.MeetingWorkspace })));

export function LazyMeetingWorkspace(props: { plan: PlanDetail; sections: (name: string) => boolean }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="hint" role="status">{t('collab.loading')}</p>}>
      <MeetingWorkspace {...props} />
    </Suspense>
  );
}
